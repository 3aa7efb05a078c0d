import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { newAnswerNotificationStatement, notifyMentions } from "../notifications";
import { findMentions } from "../notifications/mentions";
import { invalidateQuestion } from "../page-cache";
import { answerAwardStatement } from "../points";
import { renderPostBody } from "../post-body";
import { answerSchema, idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";
import type { Tx } from "../db";

/** Posts an answer; +2 to its author for the first answer to someone else's question. */
export async function createAnswer(actorOrNull: Actor | null, questionIdInput: unknown, input: unknown) {
  const actor = requireMember(actorOrNull);
  const questionId = parseInput(idSchema, questionIdInput);
  const { body } = parseInput(answerSchema, input);
  const rendered = await renderPostBody(body);
  const newAnswer = { questionId, authorId: actor.id, ...rendered };
  // insertAnswer's one statement is a transaction of its own. Only mentions (looked up by name,
  // then notified) need more statements in the same transaction; most answers have none, and
  // skip BEGIN and COMMIT: two of the four round trips a post makes to the database.
  const answer =
    findMentions(body).length === 0
      ? await insertAnswer(db, newAnswer)
      : await db.$transaction(async (tx) => {
          const inserted = await insertAnswer(tx, newAnswer);
          await notifyMentions(tx, { text: body, questionId, answerId: inserted.answerId, actorId: actor.id, skipUserIds: inserted.notified });
          return inserted;
        });
  invalidateQuestion(questionId);
  return { id: answer.answerId, questionId, slug: answer.question.slug };
}

type NewAnswer = { questionId: number; authorId: number; bodyMd: string; bodyHtml: string; renderVersion: number };
type Row = { authorId: number; slug: string; lockedAt: Date | null; closedAt: Date | null; answerId: number | null; notified: number[] };

/**
 * Locks the question, and if it takes answers, stores the answer, its first revision, the
 * question's new count and activity time, drops the answerer's draft for it, the answerer's +2 (not on their own question) and
 * the followers' notifications: one statement, because on the embedded database each
 * statement is a round trip through its single connection and posting is the hot write. The
 * award and the notifications are built by their own homes (lib/points.ts, notifications.ts).
 */
async function insertAnswer(tx: Tx | typeof db, a: NewAnswer) {
  // Times come from here, as Prisma's own inserts do: the columns are UTC timestamps without
  // a zone, and the database's CURRENT_TIMESTAMP would follow the server's time zone setting.
  const now = new Date();
  const newId = Prisma.sql`(SELECT "id" FROM created)`;
  const award = answerAwardStatement({
    questionId: a.questionId,
    answerId: newId,
    userId: a.authorId,
    when: Prisma.sql`EXISTS (SELECT 1 FROM created) AND (SELECT "authorId" FROM q) <> ${a.authorId}::int`,
  });
  const notify = newAnswerNotificationStatement({ questionId: a.questionId, answerId: newId, actorId: a.authorId, when: Prisma.sql`EXISTS (SELECT 1 FROM created)` });
  const rows = await tx.$queryRaw<Row[]>`
    WITH q AS (
      SELECT "id", "authorId", "slug", "lockedAt", "closedAt" FROM "Question"
      WHERE "id" = ${a.questionId} AND "deletedAt" IS NULL FOR UPDATE
    ), created AS (
      INSERT INTO "Answer" ("questionId", "authorId", "bodyMd", "bodyHtml", "renderVersion", "createdAt", "updatedAt")
      SELECT q."id", ${a.authorId}::int, ${a.bodyMd}::text, ${a.bodyHtml}::text, ${a.renderVersion}::int, ${now}::timestamp, ${now}::timestamp FROM q
      WHERE q."lockedAt" IS NULL AND q."closedAt" IS NULL
      RETURNING "id"
    ), revision AS (
      INSERT INTO "Revision" ("answerId", "editorId", "bodyMd", "createdAt") SELECT created."id", ${a.authorId}::int, ${a.bodyMd}::text, ${now}::timestamp FROM created
    ), counted AS (
      UPDATE "Question" SET "answerCount" = "answerCount" + 1, "lastActivityAt" = ${now}::timestamp
      FROM created WHERE "Question"."id" = ${a.questionId}
    ), drafted AS (
      DELETE FROM "Draft" WHERE "userId" = ${a.authorId}::int AND "questionId" = ${a.questionId}::int AND EXISTS (SELECT 1 FROM created)
    ), awarded AS (${award}), notified AS (${notify})
    SELECT q."authorId", q."slug", q."lockedAt", q."closedAt", created."id" AS "answerId", ARRAY(SELECT "userId" FROM notified) AS "notified"
    FROM q LEFT JOIN created ON true`;
  const question = rows[0];
  if (!question) throw new AppError("NOT_FOUND", "That question does not exist or was removed.");
  if (question.lockedAt) throw new AppError("FORBIDDEN", "This thread is locked: it takes no new answers.");
  if (question.closedAt) throw new AppError("FORBIDDEN", "This question is closed: it takes no new answers.");
  return { question, answerId: question.answerId!, notified: question.notified };
}
