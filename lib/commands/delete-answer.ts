import "server-only";
import { audit } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import { invalidateQuestion } from "../page-cache";
import { revokeAnswer, revokeBestAnswer, takeBackPostEvents } from "../points";
import { notifyModeration } from "../notifications";
import { idSchema, moderatorReasonSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { mayDeleteAnswer } from "../permissions";
import { lockQuestion, requireMember, type Actor } from "./guard";

/**
 * Soft-deletes an answer (it stays in the database with its revisions). Points it earned go
 * back: the best-answer +20 if it was the pick (the pick is cleared for good), votes and other
 * awards on it (given back on undelete), and the +2 when it was its author's last live answer
 * on the question. A moderator deleting someone else's answer is audited, and its author hears
 * of it in their inbox, with the moderator's reason when one was given.
 */
export async function deleteAnswer(actorOrNull: Actor | null, answerIdInput: unknown, reasonInput?: unknown) {
  const actor = requireMember(actorOrNull);
  const answerId = parseInput(idSchema, answerIdInput);
  const { reason } = parseInput(moderatorReasonSchema, { reason: reasonInput });
  const target = await db.answer.findFirst({ where: { id: answerId, deletedAt: null }, select: { questionId: true } });
  if (!target) throw new AppError("NOT_FOUND", "That answer does not exist or was already removed.");

  const result = await db.$transaction(async (tx) => {
    const question = await lockQuestion(tx, target.questionId);
    const answer = await tx.answer.findFirst({ where: { id: answerId, deletedAt: null }, select: { authorId: true } });
    if (!answer) throw new AppError("NOT_FOUND", "That answer was already removed.");
    if (!mayDeleteAnswer(actor, answer)) throw new AppError("FORBIDDEN", "You can only delete your own answers.");
    if (answer.authorId !== actor.id) {
      await audit(tx, { actorId: actor.id, action: "answer.delete", targetType: "answer", targetId: answerId, reason, before: { deleted: false }, after: { deleted: true } });
      await notifyModeration(tx, { recipientId: answer.authorId, actorId: actor.id, questionId: question.id, answerId, message: "A moderator deleted your answer: only moderators see it now.", reason });
    }

    await tx.answer.update({ where: { id: answerId }, data: { deletedAt: new Date() } });
    const wasBest = question.bestAnswerId === answerId;
    await tx.question.update({
      where: { id: question.id },
      data: { answerCount: { decrement: 1 }, ...(wasBest ? { bestAnswerId: null } : {}) },
    });
    if (wasBest) await revokeBestAnswer(tx, { answerId, actorId: actor.id });
    await takeBackPostEvents(tx, { answerId }, actor.id, ["ANSWER", "BEST_ANSWER"]);
    const othersLive = await tx.answer.count({ where: { questionId: question.id, authorId: answer.authorId, deletedAt: null } });
    if (othersLive === 0) await revokeAnswer(tx, { questionId: question.id, userId: answer.authorId, actorId: actor.id });
    return { questionId: question.id, slug: question.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}
