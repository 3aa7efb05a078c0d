import "server-only";
import { db } from "../db";
import { listAuditLog } from "./moderation";

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditLog>>[number];

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const asId = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null);

/** What the log's entries name, loaded together: four queries for a page of entries. */
export type AuditTargets = {
  questions: Map<number, { id: number; slug: string; title: string }>;
  answers: Map<number, { id: number; author: string; question: { id: number; slug: string; title: string } }>;
  comments: Map<number, { id: number; author: string; question: { id: number; slug: string; title: string } | null }>;
  members: Map<number, string>;
  categories: Map<number, { slug: string; name: string }>;
};

/** The ids one entry names, by kind (its target, and the posts and members its data mention). */
export function namedIds(e: Pick<AuditEntryRow, "targetType" | "targetId" | "before" | "after">) {
  const before = asObject(e.before);
  const after = asObject(e.after);
  const ids = { questions: [] as number[], answers: [] as number[], comments: [] as number[], members: [] as number[], categories: [] as number[] };
  const target = e.targetId ?? null;
  if (target !== null) {
    if (e.targetType === "question") ids.questions.push(target);
    else if (e.targetType === "answer") ids.answers.push(target);
    else if (e.targetType === "comment") ids.comments.push(target);
    else if (e.targetType === "member") ids.members.push(target);
    else if (e.targetType === "category") ids.categories.push(target);
  }
  for (const data of [before, after]) {
    const q = asId(data.questionId) ?? asId(data.question) ?? asId(data.duplicateOfId);
    if (q) ids.questions.push(q);
    for (const key of ["bestAnswerId", "answer"]) if (asId(data[key])) ids.answers.push(asId(data[key])!);
    if (asId(data.comment)) ids.comments.push(asId(data.comment)!);
    if (asId(data.authorId)) ids.members.push(asId(data.authorId)!);
  }
  return ids;
}

export async function loadAuditTargets(entries: AuditEntryRow[]): Promise<AuditTargets> {
  const all = entries.map(namedIds);
  const ids = (kind: keyof ReturnType<typeof namedIds>) => [...new Set(all.flatMap((x) => x[kind]))];
  const questionFields = { id: true, slug: true, title: true } as const;
  const [questions, answers, comments, members, categories] = await Promise.all([
    db.question.findMany({ where: { id: { in: ids("questions") } }, select: questionFields }),
    db.answer.findMany({ where: { id: { in: ids("answers") } }, select: { id: true, author: { select: { username: true } }, question: { select: questionFields } } }),
    db.comment.findMany({
      where: { id: { in: ids("comments") } },
      select: { id: true, author: { select: { username: true } }, question: { select: questionFields }, answer: { select: { question: { select: questionFields } } } },
    }),
    db.user.findMany({ where: { id: { in: ids("members") } }, select: { id: true, username: true } }),
    db.category.findMany({ where: { id: { in: ids("categories") } }, select: { id: true, slug: true, name: true } }),
  ]);
  return {
    questions: new Map(questions.map((q) => [q.id, q])),
    answers: new Map(answers.map((a) => [a.id, { id: a.id, author: a.author.username, question: a.question }])),
    comments: new Map(comments.map((c) => [c.id, { id: c.id, author: c.author.username, question: c.question ?? c.answer?.question ?? null }])),
    members: new Map(members.map((m) => [m.id, m.username])),
    categories: new Map(categories.map((c) => [c.id, { slug: c.slug, name: c.name }])),
  };
}
