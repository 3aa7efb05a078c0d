/**
 * Who hears about what. Every function runs inside the caller's transaction, so a notification
 * exists exactly when the post or pick it announces does. None ever notifies the actor, and
 * each returns the members it notified (callers pass them on as skipUserIds so one event
 * makes one inbox entry per member).
 */
import "server-only";
import type { Tx } from "./db";
import { Prisma } from "./generated/prisma/client";
import type { NotificationKind } from "./generated/prisma/enums";
import { findMentions } from "./notifications/mentions";

type Target = { questionId?: number; answerId?: number; commentId?: number };
type Event = Target & { kind: NotificationKind; actorId?: number; message?: string };

/** One row per distinct recipient, in one statement, never to the actor or the skipped. */
async function fanOut(tx: Tx, recipients: Iterable<number>, event: Event, skipUserIds: readonly number[] = []): Promise<number[]> {
  const userIds = [...new Set(recipients)].filter((id) => id !== event.actorId && !skipUserIds.includes(id));
  if (userIds.length > 0) await tx.notification.createMany({ data: userIds.map((userId) => ({ ...event, userId })) });
  return userIds;
}

type FollowersEvent = { questionId: number; answerId?: number | Prisma.Sql; actorId: number };

/**
 * The INSERT ... SELECT that tells the followers of a question's category and tags (and, for a
 * new answer, the asker and the question's own followers), returning who was told. One
 * statement: it runs inside every posting transaction, where each statement is a round trip
 * to the database. `when` narrows it, for callers that make it part of a larger statement.
 */
function followersStatement(kind: "NEW_ANSWER" | "NEW_QUESTION", p: FollowersEvent, when: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const aboutAnswer = kind === "NEW_ANSWER";
  const answerId = p.answerId instanceof Prisma.Sql ? p.answerId : Prisma.sql`${p.answerId ?? null}::int`;
  return Prisma.sql`
    INSERT INTO "Notification" ("userId", "kind", "actorId", "questionId", "answerId", "createdAt")
    SELECT r."userId", ${kind}::"NotificationKind", ${p.actorId}::int, ${p.questionId}::int, ${answerId}, ${new Date()}::timestamp
    FROM (
      SELECT q."authorId" AS "userId" FROM "Question" q WHERE ${aboutAnswer} AND q."id" = ${p.questionId}
      UNION SELECT f."userId" FROM "Follow" f JOIN "Question" q ON f."categoryId" = q."categoryId" WHERE q."id" = ${p.questionId}
      UNION SELECT f."userId" FROM "Follow" f JOIN "QuestionTag" qt ON qt."tagId" = f."tagId" WHERE qt."questionId" = ${p.questionId}
      UNION SELECT f."userId" FROM "Follow" f WHERE ${aboutAnswer} AND f."questionId" = ${p.questionId}
    ) r
    WHERE r."userId" <> ${p.actorId} AND ${when}
    RETURNING "userId"`;
}

/**
 * A new answer: to the asker and to everyone following the question, its tags or category. A
 * part of the statement that posts the answer (lib/commands/create-answer.ts): `answerId` is
 * the SQL that yields the new answer's id, `when` whether it was written.
 */
export function newAnswerNotificationStatement(p: { questionId: number; answerId: Prisma.Sql; actorId: number; when: Prisma.Sql }): Prisma.Sql {
  return followersStatement("NEW_ANSWER", p, p.when);
}

/** A new question: to the followers of its tags and category. */
export async function notifyNewQuestion(tx: Tx, p: { questionId: number; actorId: number }) {
  const rows = await tx.$queryRaw<{ userId: number }[]>(followersStatement("NEW_QUESTION", p));
  return rows.map((r) => r.userId);
}

/** A comment: to the author of the post it is under. */
export async function notifyComment(
  tx: Tx,
  p: { commentId: number; questionId: number; answerId?: number; actorId: number; skipUserIds?: readonly number[] },
) {
  const { skipUserIds, ...event } = p;
  const post = p.answerId
    ? await tx.answer.findUnique({ where: { id: p.answerId }, select: { authorId: true } })
    : await tx.question.findUnique({ where: { id: p.questionId }, select: { authorId: true } });
  if (!post) return [];
  return fanOut(tx, [post.authorId], { kind: "NEW_COMMENT", ...event }, skipUserIds);
}

/** An answer picked as best, or no longer best: to its author. */
export async function notifyBestAnswer(
  tx: Tx,
  p: { questionId: number; answerId: number; recipientId: number; actorId: number; picked: boolean },
) {
  const kind = p.picked ? "BEST_ANSWER_PICKED" : "BEST_ANSWER_UNPICKED";
  return fanOut(tx, [p.recipientId], { kind, questionId: p.questionId, answerId: p.answerId, actorId: p.actorId });
}

/**
 * Every existing member named with @username in `text` (at most 10 names per post; unknown
 * names are ignored). Members already told about this very post or comment are not told
 * again, so re-running it on an edit only reaches the newly mentioned.
 */
export async function notifyMentions(
  tx: Tx,
  p: { text: string; questionId: number; answerId?: number; commentId?: number; actorId: number; skipUserIds?: readonly number[] },
) {
  const mentions = findMentions(p.text);
  if (mentions.length === 0) return [];
  const users = await tx.user.findMany({ where: { usernameKey: { in: mentions.flat() } }, select: { id: true, usernameKey: true } });
  const idByKey = new Map(users.map((u) => [u.usernameKey, u.id]));
  // For "@alice." prefer a member literally named "alice." over "alice".
  const mentioned = mentions.flatMap((candidates) => {
    const key = candidates.find((k) => idByKey.has(k));
    return key === undefined ? [] : [idByKey.get(key)!];
  });
  if (mentioned.length === 0) return [];
  const already = await tx.notification.findMany({
    where: { kind: "MENTION", userId: { in: mentioned }, questionId: p.questionId, answerId: p.answerId ?? null, commentId: p.commentId ?? null },
    select: { userId: true },
  });
  const skip = [...(p.skipUserIds ?? []), ...already.map((n) => n.userId)];
  return fanOut(tx, mentioned, { kind: "MENTION", questionId: p.questionId, answerId: p.answerId, commentId: p.commentId, actorId: p.actorId }, skip);
}

/** A points event the member should hear about (a vote or bounty by someone else). */
export async function notifyPoints(
  tx: Tx,
  p: { userId: number; delta: number; reason: string; questionId?: number; answerId?: number; actorId?: number },
) {
  if (p.delta === 0) return [];
  const message = `${p.delta > 0 ? "+" : ""}${p.delta} ${p.reason}`.slice(0, 200);
  return fanOut(tx, [p.userId], { kind: "POINTS", message, questionId: p.questionId, answerId: p.answerId, actorId: p.actorId });
}

/**
 * What a moderator (or the flaggers) did to a member's post or account, with the reason when
 * there is one: a deletion, an undeletion, a hiding, a closing, a suspension. To the author
 * only, and never when they did it themselves.
 */
export async function notifyModeration(tx: Tx, p: { recipientId: number; actorId?: number; message: string; reason?: string | null } & Target) {
  const { recipientId, reason, message, ...event } = p;
  const said = reason ? `${message} Reason: ${reason}` : message;
  return fanOut(tx, [recipientId], { kind: "MODERATION", ...event, message: said.slice(0, 600) });
}
