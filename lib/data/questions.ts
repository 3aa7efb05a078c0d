import "server-only";
import { db } from "../db";

const PAGE_SIZE = 20;

const summarySelect = {
  id: true,
  title: true,
  slug: true,
  excerpt: true,
  createdAt: true,
  viewCount: true,
  answerCount: true,
  score: true,
  bestAnswerId: true,
  author: { select: { username: true } },
  category: { select: { slug: true, name: true, emoji: true } },
  tags: { select: { tag: { select: { name: true } } } },
} as const;

export type QuestionSummary = Awaited<ReturnType<typeof listQuestions>>["questions"][number];

/** Newest questions first, optionally within one category. */
export async function listQuestions({ page = 1, categoryId }: { page?: number; categoryId?: number } = {}) {
  const where = { deletedAt: null, ...(categoryId ? { categoryId } : {}) };
  const rows = await db.question.findMany({
    where,
    select: summarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
  });
  return { questions: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

/** A thread: the question and its live answers, best answer first, then oldest first. */
export async function findThread(id: number) {
  const question = await db.question.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      title: true,
      slug: true,
      bodyHtml: true,
      createdAt: true,
      updatedAt: true,
      viewCount: true,
      bestAnswerId: true,
      lockedAt: true,
      closedAt: true,
      closeReason: true,
      authorId: true,
      author: { select: { username: true } },
      category: { select: { slug: true, name: true, emoji: true } },
      tags: { select: { tag: { select: { name: true } } } },
      answers: {
        where: { deletedAt: null },
        select: {
          id: true,
          bodyHtml: true,
          createdAt: true,
          updatedAt: true,
          score: true,
          authorId: true,
          author: { select: { username: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!question) return null;
  const { answers, ...rest } = question;
  const best = answers.filter((a) => a.id === question.bestAnswerId);
  const others = answers.filter((a) => a.id !== question.bestAnswerId);
  return { question: rest, answers: [...best, ...others] };
}

export type Thread = NonNullable<Awaited<ReturnType<typeof findThread>>>;
