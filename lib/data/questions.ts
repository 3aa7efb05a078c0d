import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ListSort } from "../validation/list";

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

// Every order ends in id so that pages never repeat or skip rows with equal keys.
const orders = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  active: [{ lastActivityAt: "desc" }, { id: "desc" }],
  unanswered: [{ createdAt: "desc" }, { id: "desc" }],
  top: [{ score: "desc" }, { createdAt: "desc" }, { id: "desc" }],
} satisfies Record<ListSort, Prisma.QuestionOrderByWithRelationInput[]>;

type ListOptions = { page?: number; pageSize?: number; categoryId?: number; tagName?: string; tagId?: number; sort?: ListSort };

/** Live questions in one of the list orders, optionally within one category or tag. */
export async function listQuestions({ page = 1, pageSize = PAGE_SIZE, categoryId, tagName, tagId, sort = "newest" }: ListOptions = {}) {
  // Filter by the tag's id, not its name: with a constant id PostgreSQL knows how common the
  // tag is, and walks the date index for a popular one instead of every one of its questions.
  if (tagId === undefined && tagName !== undefined) {
    const tag = await db.tag.findUnique({ where: { name: tagName }, select: { id: true } });
    if (!tag) return { questions: [], hasMore: false };
    tagId = tag.id;
  }
  const where: Prisma.QuestionWhereInput = {
    deletedAt: null,
    hiddenAt: null,
    ...(categoryId ? { categoryId } : {}),
    ...(tagId !== undefined ? { tags: { some: { tagId } } } : {}),
    // "Unanswered" means no best answer yet: answered-but-unresolved questions still need help.
    ...(sort === "unanswered" ? { bestAnswerId: null } : {}),
  };
  const rows = await db.question.findMany({
    where,
    select: summarySelect,
    orderBy: orders[sort],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
  });
  return { questions: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
