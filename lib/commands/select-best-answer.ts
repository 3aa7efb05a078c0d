import "server-only";
import { audit } from "../audit";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { notifyBestAnswer } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { awardBestAnswer, revokeBestAnswer } from "../points";
import { idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { mayPickBestAnswer } from "../permissions";
import { lockQuestion, requireMember, type Actor } from "./guard";

type LockedQuestion = Awaited<ReturnType<typeof lockQuestion>>;

function assertMayPick(actor: Actor, question: LockedQuestion) {
  if (!mayPickBestAnswer(actor, question)) {
    throw new AppError("FORBIDDEN", "Only the asker or a moderator can choose the best answer.");
  }
}

/** Clears the current pick, taking its +20 back. */
async function unpick(tx: Tx, question: LockedQuestion, actorId: number) {
  if (question.bestAnswerId === null) return;
  await tx.question.update({ where: { id: question.id }, data: { bestAnswerId: null } });
  await revokeBestAnswer(tx, { answerId: question.bestAnswerId, actorId });
  const unpicked = await tx.answer.findUnique({ where: { id: question.bestAnswerId }, select: { authorId: true } });
  if (unpicked && unpicked.authorId !== question.authorId) {
    await notifyBestAnswer(tx, { questionId: question.id, answerId: question.bestAnswerId, recipientId: unpicked.authorId, actorId, picked: false });
  }
}

/** A moderator's pick or clearing on someone else's question is theirs to answer for: audited. */
async function auditPick(tx: Tx, actor: Actor, question: LockedQuestion, bestAnswerId: number | null) {
  if (question.authorId === actor.id) return;
  await audit(tx, {
    actorId: actor.id,
    action: bestAnswerId === null ? "answer.unpick" : "answer.pick",
    targetType: bestAnswerId === null ? "question" : "answer",
    targetId: bestAnswerId ?? question.id,
    before: { questionId: question.id, bestAnswerId: question.bestAnswerId },
    after: { questionId: question.id, bestAnswerId },
  });
}

/** Marks an answer as best (replacing any earlier pick); +20 to its author unless it is the asker. */
export async function selectBestAnswer(actorOrNull: Actor | null, answerIdInput: unknown) {
  const actor = requireMember(actorOrNull);
  const answerId = parseInput(idSchema, answerIdInput);
  const target = await db.answer.findFirst({ where: { id: answerId, deletedAt: null }, select: { questionId: true } });
  if (!target) throw new AppError("NOT_FOUND", "That answer does not exist or was removed.");

  const result = await db.$transaction(async (tx) => {
    const question = await lockQuestion(tx, target.questionId);
    assertMayPick(actor, question);
    // Re-read under the lock: a deletion may have won the race.
    const answer = await tx.answer.findFirst({ where: { id: answerId, deletedAt: null }, select: { authorId: true } });
    if (!answer) throw new AppError("NOT_FOUND", "That answer was removed.");
    if (question.bestAnswerId === answerId) return { questionId: question.id, slug: question.slug };
    await auditPick(tx, actor, question, answerId);
    await unpick(tx, question, actor.id);
    await tx.question.update({ where: { id: question.id }, data: { bestAnswerId: answerId, lastActivityAt: new Date() } });
    if (answer.authorId !== question.authorId) {
      await awardBestAnswer(tx, { questionId: question.id, answerId, userId: answer.authorId, actorId: actor.id });
      await notifyBestAnswer(tx, { questionId: question.id, answerId, recipientId: answer.authorId, actorId: actor.id, picked: true });
    }
    return { questionId: question.id, slug: question.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}

/** Removes the best-answer mark from a question. */
export async function clearBestAnswer(actorOrNull: Actor | null, questionIdInput: unknown) {
  const actor = requireMember(actorOrNull);
  const questionId = parseInput(idSchema, questionIdInput);
  const result = await db.$transaction(async (tx) => {
    const question = await lockQuestion(tx, questionId);
    assertMayPick(actor, question);
    if (question.bestAnswerId !== null) await auditPick(tx, actor, question, null);
    await unpick(tx, question, actor.id);
    return { questionId, slug: question.slug };
  });
  invalidateQuestion(questionId);
  return result;
}
