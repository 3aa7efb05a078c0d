import "server-only";
import { db } from "../db";
import type { Paging } from "../api/paging";

/**
 * Reads of the JSON API that the pages have no equivalent of: posts with their Markdown beside
 * the HTML, answers a page at a time, members and tags one by one. Lists and search are the
 * pages' own (lib/data/questions.ts, search.ts, tags.ts). Hidden and deleted posts are never
 * shown: the API has no moderator's view.
 */
const authorSelect = { select: { username: true } } as const;

export function findApiQuestion(id: number) {
  return db.question.findFirst({
    where: { id, deletedAt: null, hiddenAt: null },
    select: {
      id: true,
      title: true,
      slug: true,
      bodyMd: true,
      bodyHtml: true,
      score: true,
      answerCount: true,
      viewCount: true,
      bestAnswerId: true,
      createdAt: true,
      updatedAt: true,
      lastActivityAt: true,
      lockedAt: true,
      closedAt: true,
      closeReason: true,
      duplicateOfId: true,
      author: authorSelect,
      category: { select: { slug: true, name: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
}

const answerSelect = {
  id: true,
  questionId: true,
  bodyMd: true,
  bodyHtml: true,
  score: true,
  createdAt: true,
  updatedAt: true,
  author: authorSelect,
  question: { select: { slug: true, bestAnswerId: true } },
} as const;

const liveAnswer = { deletedAt: null, hiddenAt: null, question: { deletedAt: null, hiddenAt: null } } as const;

export type ApiAnswerOrder = "votes" | "newest" | "oldest";

const answerOrders = {
  votes: [{ score: "desc" }, { createdAt: "asc" }, { id: "asc" }],
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
} as const;

/** One page of a question's live answers. */
export async function listApiAnswers(questionId: number, order: ApiAnswerOrder, { page, pageSize }: Paging) {
  const rows = await db.answer.findMany({
    where: { questionId, ...liveAnswer },
    select: answerSelect,
    orderBy: [...answerOrders[order]],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
  });
  return { answers: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

export function findApiAnswer(id: number) {
  return db.answer.findFirst({ where: { id, ...liveAnswer }, select: answerSelect });
}

/** Members by points, most first (ties by name). */
export async function listApiMembers({ page, pageSize }: Paging) {
  const rows = await db.user.findMany({
    orderBy: [{ points: "desc" }, { usernameKey: "asc" }],
    select: { username: true, points: true, role: true },
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
  });
  return { members: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

/** A member's public profile: what their page shows, counted. */
export async function findApiMember(username: string) {
  const member = await db.user.findUnique({
    where: { usernameKey: username.toLowerCase() },
    select: { id: true, username: true, points: true, role: true, bio: true, createdAt: true },
  });
  if (!member) return null;
  const [questionCount, answerCount, bestAnswerCount] = await Promise.all([
    db.question.count({ where: { authorId: member.id, deletedAt: null, hiddenAt: null } }),
    db.answer.count({ where: { authorId: member.id, ...liveAnswer } }),
    db.question.count({ where: { bestAnswer: { authorId: member.id }, deletedAt: null } }),
  ]);
  return { username: member.username, points: member.points, role: member.role, bio: member.bio, createdAt: member.createdAt, questionCount, answerCount, bestAnswerCount };
}

/** A tag and how many live questions carry it, or null when no such tag exists. */
export async function findApiTag(name: string) {
  const tag = await db.tag.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!tag) return null;
  const count = await db.question.count({ where: { deletedAt: null, hiddenAt: null, tags: { some: { tagId: tag.id } } } });
  return { name: tag.name, count };
}
