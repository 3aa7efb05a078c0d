import "server-only";
import { db } from "../db";

/** What the question edit form starts from. */
export function findQuestionForEdit(id: number) {
  return db.question.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, slug: true, title: true, bodyMd: true, categoryId: true, authorId: true, tags: { select: { tag: { select: { name: true } } } } },
  });
}

export function findAnswerForEdit(id: number) {
  return db.answer.findFirst({
    where: { id, deletedAt: null, question: { deletedAt: null } },
    select: { id: true, bodyMd: true, authorId: true, question: { select: { id: true, slug: true, title: true } } },
  });
}

/** Every version of a post, oldest first, with who wrote it. */
export function listRevisions(where: { questionId: number } | { answerId: number }) {
  return db.revision.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, bodyMd: true, summary: true, createdAt: true, editor: { select: { username: true } } },
  });
}
