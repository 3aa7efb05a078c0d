import "server-only";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { notifyPoints } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { grantPoints, takeBackPoints } from "../points";
import { voteRefusal } from "../permissions";
import { rules } from "../rules";
import { voteSchema, type VoteInput } from "../validation/vote";
import { requireMember, requirePrivilege, type Actor } from "./guard";

export type VoteValue = -1 | 0 | 1;
export type VoteResult = { score: number; myVote: VoteValue; questionId: number; slug: string };

type LockedPost = { authorId: number; questionId: number; slug: string; lockedAt: Date | null };

/**
 * Locks the live post's row for the rest of the transaction: every vote on one post runs one
 * at a time, so simultaneous clicks see each other's vote row and score.
 */
async function lockPost(tx: Tx, postType: VoteInput["postType"], postId: number): Promise<LockedPost> {
  const rows =
    postType === "question"
      ? await tx.$queryRaw<LockedPost[]>`
          SELECT "authorId", "id" AS "questionId", "slug", "lockedAt" FROM "Question"
          WHERE "id" = ${postId} AND "deletedAt" IS NULL FOR UPDATE`
      : // Only the answer row is locked: votes never change the question, and locking it too
        // would queue every answer's votes behind each other.
        await tx.$queryRaw<LockedPost[]>`
          SELECT a."authorId", a."questionId", q."slug", q."lockedAt" FROM "Answer" a
          JOIN "Question" q ON q."id" = a."questionId"
          WHERE a."id" = ${postId} AND a."deletedAt" IS NULL AND q."deletedAt" IS NULL FOR UPDATE OF a`;
  const post = rows[0];
  if (!post) throw new AppError("NOT_FOUND", `That ${postType} does not exist or was removed.`);
  return post;
}

const causeOf = (value: number) => (value > 0 ? ("VOTE_UP" as const) : ("VOTE_DOWN" as const));

function pointsFor(postType: VoteInput["postType"], value: number): number {
  if (value < 0) return rules.downvotePoints;
  return postType === "answer" ? rules.answerUpvotePoints : rules.questionUpvotePoints;
}

/**
 * Votes a post up or down; the same direction again removes the vote, the other one changes
 * it. The author's points follow as ledger events, each change undoing exactly what the old
 * vote gave.
 */
export async function castVote(actorOrNull: Actor | null, input: unknown): Promise<VoteResult> {
  const actor = requireMember(actorOrNull);
  const parsed = voteSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_INPUT", "That vote is not valid: it needs a post and a direction.");
  const { postType, postId, direction } = parsed.data;
  const wanted = direction === "up" ? 1 : -1;
  const isQuestion = postType === "question";
  const prefix = isQuestion ? "q" : "a";
  const subject = `vote:${prefix}${postId}:u${actor.id}`;

  const result = await db.$transaction(async (tx) => {
    const post = await lockPost(tx, postType, postId);
    const refusal = voteRefusal(actor, post, { locked: post.lockedAt !== null });
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    const key = isQuestion ? { userId_questionId: { userId: actor.id, questionId: postId } } : { userId_answerId: { userId: actor.id, answerId: postId } };
    const current = await tx.vote.findUnique({ where: key, select: { value: true } });
    const old = current?.value ?? 0;
    const next: VoteValue = old === wanted ? 0 : wanted;
    // Only casting needs the privilege: a member who has since lost points may still take a vote back.
    if (next !== 0) requirePrivilege(actor, direction === "up" ? "voteUp" : "voteDown", direction === "up" ? "vote up" : "vote down");

    if (next === 0) await tx.vote.delete({ where: key });
    else if (current) await tx.vote.update({ where: key, data: { value: next } });
    else await tx.vote.create({ data: { userId: actor.id, value: next, ...(isQuestion ? { questionId: postId } : { answerId: postId }) } });

    const change = { score: { increment: next - old } };
    const { score } = isQuestion
      ? await tx.question.update({ where: { id: postId }, data: change, select: { score: true } })
      : await tx.answer.update({ where: { id: postId }, data: change, select: { score: true } });

    if (old !== 0) await takeBackPoints(tx, causeOf(old), subject, actor.id);
    if (next !== 0) {
      const where = { questionId: post.questionId, ...(isQuestion ? {} : { answerId: postId }) };
      const delta = pointsFor(postType, next);
      await grantPoints(tx, { cause: causeOf(next), subject, userId: post.authorId, delta, ...where, actorId: actor.id });
      // Votes stay anonymous to the author: the notification names no actor.
      await notifyPoints(tx, { userId: post.authorId, delta, reason: `for ${next > 0 ? "an upvote" : "a downvote"} on your ${postType}`, ...where });
    }
    return { score, myVote: next, questionId: post.questionId, slug: post.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}
