import "server-only";
import { db } from "../db";

/**
 * Reads for the sitemap and the feeds (server/web-documents.ts): only what readers signed out
 * may see (no deleted or spam-hidden posts), only the fields those documents show.
 */

const visibleQuestion = { deletedAt: null, hiddenAt: null } as const;

export const countSitemapQuestions = () => db.question.count({ where: visibleQuestion });
export const countSitemapTags = () => db.tag.count({ where: { questions: { some: { question: visibleQuestion } } } });
export const countSitemapCategories = () => db.category.count();

/** One sitemap file's questions: by id, `size` from `offset`. */
export function listSitemapQuestions(offset: number, size: number) {
  return db.question.findMany({ where: visibleQuestion, orderBy: { id: "asc" }, skip: offset, take: size, select: { id: true, slug: true, lastActivityAt: true } });
}

export function listSitemapTags(offset: number, size: number) {
  return db.tag.findMany({ where: { questions: { some: { question: visibleQuestion } } }, orderBy: { name: "asc" }, skip: offset, take: size, select: { name: true } });
}

export function listSitemapCategories(offset: number, size: number) {
  return db.category.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], skip: offset, take: size, select: { slug: true } });
}

const feedQuestionSelect = {
  id: true,
  slug: true,
  title: true,
  bodyHtml: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { username: true } },
  category: { select: { name: true } },
  tags: { select: { tag: { select: { name: true } } } },
} as const;

/** The newest questions, or the newest with a tag (null when no such tag exists). */
export async function listFeedQuestions(take: number, tagName?: string) {
  if (tagName !== undefined && !(await db.tag.findUnique({ where: { name: tagName }, select: { id: true } }))) return null;
  return db.question.findMany({
    where: { ...visibleQuestion, ...(tagName !== undefined ? { tags: { some: { tag: { name: tagName } } } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: feedQuestionSelect,
  });
}

/** A question and its newest answers, for its answers' feed (null when it is not visible). */
export function findFeedThread(questionId: number, take: number) {
  return db.question.findFirst({
    where: { id: questionId, ...visibleQuestion },
    select: {
      ...feedQuestionSelect,
      bestAnswerId: true,
      answers: {
        where: { deletedAt: null, hiddenAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take,
        select: { id: true, bodyHtml: true, createdAt: true, updatedAt: true, author: { select: { username: true } } },
      },
    },
  });
}
