import "server-only";
import { db } from "../db";

const thread = { select: { id: true, slug: true, title: true } } as const;
const author = { select: { username: true } } as const;

function findOpenFlags() {
  return db.flag.findMany({
    where: { status: "OPEN" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      reason: true,
      note: true,
      createdAt: true,
      reporter: author,
      question: { select: { id: true, slug: true, title: true, hiddenAt: true, author } },
      answer: { select: { id: true, bodyMd: true, hiddenAt: true, author, question: thread } },
      comment: { select: { id: true, bodyHtml: true, hiddenAt: true, author, question: thread, answer: { select: { id: true, question: thread } } } },
    },
  });
}

type OpenFlag = Awaited<ReturnType<typeof findOpenFlags>>[number];

/** One flagged post or comment and its open flags, oldest first. */
export type FlaggedItem = {
  /** Handling any one flag settles them all; the queue's buttons use this one. */
  flagId: number;
  flags: OpenFlag[];
  counts: Partial<Record<OpenFlag["reason"], number>>;
} & Pick<OpenFlag, "question" | "answer" | "comment">;

/** Open flags grouped by what they are about, the longest-waiting first: the moderators' queue. */
export async function listOpenFlags(): Promise<FlaggedItem[]> {
  const items = new Map<string, FlaggedItem>();
  for (const f of await findOpenFlags()) {
    const key = f.question ? `q${f.question.id}` : f.answer ? `a${f.answer.id}` : `c${f.comment?.id}`;
    let item = items.get(key);
    if (!item) items.set(key, (item = { flagId: f.id, flags: [], counts: {}, question: f.question, answer: f.answer, comment: f.comment }));
    item.flags.push(f);
    item.counts[f.reason] = (item.counts[f.reason] ?? 0) + 1;
  }
  return [...items.values()];
}

export function listAuditLog(page = 1) {
  return db.auditLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * 50,
    take: 50,
    select: { id: true, action: true, targetType: true, targetId: true, reason: true, before: true, after: true, createdAt: true, actor: { select: { username: true } } },
  });
}

export function searchMembers(q: string) {
  const key = q.trim().toLowerCase();
  return db.user.findMany({
    where: key ? { usernameKey: { contains: key } } : {},
    orderBy: [{ role: "desc" }, { usernameKey: "asc" }],
    take: 50,
    select: { id: true, username: true, role: true, points: true, suspendedUntil: true, createdAt: true },
  });
}
