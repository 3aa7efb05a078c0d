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
  /** Set when spam flags hid it; only moderators' renders include hidden comments. */
  hiddenAt: Date | null;
  author: { username: string };
};

/** A thread's live comments, grouped by post: `answers[answerId]` is absent for none. */
export type ThreadComments = { question: CommentView[]; answers: Partial<Record<number, CommentView[]>> };

type Row = Omit<CommentView, "author"> & { questionId: number | null; answerId: number | null; username: string };

/**
 * Every live comment under a question and its answers, oldest first, in one statement (a
 * Prisma include would add a second one for the authors). Comments hidden by spam flags are
 * left out for everyone but moderators, as findThread does with posts.
 */
export async function listCommentsForThread(questionId: number, answerIds: number[], { includeHidden = false } = {}): Promise<ThreadComments> {
  const onAnswers = answerIds.length > 0 ? Prisma.sql`OR c."answerId" IN (${Prisma.join(answerIds)})` : Prisma.empty;
  const visible = includeHidden ? Prisma.empty : Prisma.sql`AND c."hiddenAt" IS NULL`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT c."id", c."questionId", c."answerId", c."authorId", c."bodyMd", c."bodyHtml", c."createdAt", c."updatedAt",
           c."hiddenAt", u."username"
    FROM "Comment" c JOIN "User" u ON u."id" = c."authorId"
    WHERE c."deletedAt" IS NULL ${visible} AND (c."questionId" = ${questionId} ${onAnswers})
    ORDER BY c."createdAt", c."id"`;
  const grouped: ThreadComments = { question: [], answers: {} };
  for (const { questionId: onQuestion, answerId, username, ...rest } of rows) {
    const view: CommentView = { ...rest, author: { username } };
    if (answerId !== null) (grouped.answers[answerId] ??= []).push(view);
    else if (onQuestion !== null) grouped.question.push(view);
  }
  return grouped;
}
