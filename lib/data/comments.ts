import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

export type CommentView = {
  id: number;
  authorId: number;
  /** The source, for its author's edit form. */
  bodyMd: string;
  bodyHtml: string;
  createdAt: Date;
  updatedAt: Date;
  author: { username: string };
};

/** A thread's live comments, grouped by post: `answers[answerId]` is absent for none. */
export type ThreadComments = { question: CommentView[]; answers: Partial<Record<number, CommentView[]>> };

type Row = Omit<CommentView, "author"> & { questionId: number | null; answerId: number | null; username: string };

/**
 * Every live comment under a question and its answers, oldest first, in one statement (a
 * Prisma include would add a second one for the authors).
 */
export async function listCommentsForThread(questionId: number, answerIds: number[]): Promise<ThreadComments> {
  const onAnswers = answerIds.length > 0 ? Prisma.sql`OR c."answerId" IN (${Prisma.join(answerIds)})` : Prisma.empty;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."id", c."questionId", c."answerId", c."authorId", c."bodyMd", c."bodyHtml", c."createdAt", c."updatedAt",
           u."username"
    FROM "Comment" c JOIN "User" u ON u."id" = c."authorId"
    WHERE c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND (c."questionId" = ${questionId} ${onAnswers})
    ORDER BY c."createdAt", c."id"`;
  const grouped: ThreadComments = { question: [], answers: {} };
  for (const { questionId: onQuestion, answerId, username, ...rest } of rows) {
    const view: CommentView = { ...rest, author: { username } };
    if (answerId !== null) (grouped.answers[answerId] ??= []).push(view);
    else if (onQuestion !== null) grouped.question.push(view);
  }
  return grouped;
}
