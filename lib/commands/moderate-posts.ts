import "server-only";
import { audit } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import { notifyModeration } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { awardAnswer, restorePostEvents, takeBackPostEvents } from "../points";
import { idSchema, moderatorReasonSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { requireModerator } from "./moderate-thread";

const questionIdOf = (input: unknown) => parseInput(idSchema, (input as { questionId?: unknown })?.questionId);
const answerIdOf = (input: unknown) => parseInput(idSchema, (input as { answerId?: unknown })?.answerId);

const reasonOf = (input: unknown) => parseInput(moderatorReasonSchema, { reason: (input as { reason?: unknown })?.reason }).reason;

async function lockAnyQuestion(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], id: number) {
  const rows = await tx.$queryRaw<{ id: number; slug: string; deletedAt: Date | null; authorId: number }[]>`
    SELECT "id", "slug", "deletedAt", "authorId" FROM "Question" WHERE "id" = ${id} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "That question does not exist.");
  return rows[0];
}

/**
 * Soft-deletes or restores a question; its own points (votes on it) go back and return. Its
 * author hears of it in their inbox, with the moderator's reason when one was given.
 */
export async function setQuestionDeleted(actorOrNull: Parameters<typeof requireModerator>[0], input: unknown, deleted: boolean) {
  const actor = requireModerator(actorOrNull);
  const questionId = questionIdOf(input);
  const reason = deleted ? reasonOf(input) : "";
  const result = await db.$transaction(async (tx) => {
    const q = await lockAnyQuestion(tx, questionId);
    if (!!q.deletedAt === deleted) return { questionId, slug: q.slug };
    await tx.question.update({ where: { id: questionId }, data: { deletedAt: deleted ? new Date() : null } });
    const post = { questionId, answerId: null } as const;
    if (deleted) await takeBackPostEvents(tx, post, actor.id);
    else await restorePostEvents(tx, post, actor.id);
    await audit(tx, { actorId: actor.id, action: deleted ? "question.delete" : "question.undelete", targetType: "question", targetId: questionId, reason, before: { deleted: !deleted }, after: { deleted } });
    const message = deleted ? "A moderator deleted your question: only moderators see it now." : "A moderator restored your question: everyone sees it again.";
    await notifyModeration(tx, { recipientId: q.authorId, actorId: actor.id, questionId, message, reason });
    return { questionId, slug: q.slug };
  });
  invalidateQuestion(questionId);
  return result;
}

/** Restores a deleted answer and the points its deletion took (the +2, votes, awards). */
export async function undeleteAnswer(actorOrNull: Parameters<typeof requireModerator>[0], input: unknown) {
  const actor = requireModerator(actorOrNull);
  const answerId = answerIdOf(input);
  const target = await db.answer.findUnique({ where: { id: answerId }, select: { questionId: true } });
  if (!target) throw new AppError("NOT_FOUND", "That answer does not exist.");
  const result = await db.$transaction(async (tx) => {
    const q = await lockAnyQuestion(tx, target.questionId);
    const answer = await tx.answer.findUniqueOrThrow({ where: { id: answerId }, select: { deletedAt: true, authorId: true } });
    if (!answer.deletedAt) return { questionId: q.id, slug: q.slug };
    await tx.answer.update({ where: { id: answerId }, data: { deletedAt: null } });
    await tx.question.update({ where: { id: q.id }, data: { answerCount: { increment: 1 } } });
    await restorePostEvents(tx, { answerId }, actor.id);
    if (answer.authorId !== q.authorId) await awardAnswer(tx, { questionId: q.id, answerId, userId: answer.authorId });
    await audit(tx, { actorId: actor.id, action: "answer.undelete", targetType: "answer", targetId: answerId, before: { deleted: true }, after: { deleted: false } });
    await notifyModeration(tx, { recipientId: answer.authorId, actorId: actor.id, questionId: q.id, answerId, message: "A moderator restored your answer: everyone sees it again." });
    return { questionId: q.id, slug: q.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}
