import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { notifyMentions, notifyNewAnswer } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { awardAnswer } from "../points";
import { renderPostBody } from "../post-body";
import { answerSchema, idSchema } from "../validation/post";
import { parseInput } from "../validation/parse";
import { lockQuestion, requireMember, type Actor } from "./guard";

/** Posts an answer; +2 to its author for the first answer to someone else's question. */
export async function createAnswer(actorOrNull: Actor | null, questionIdInput: unknown, input: unknown) {
  const actor = requireMember(actorOrNull);
  const questionId = parseInput(idSchema, questionIdInput);
  const { body } = parseInput(answerSchema, input);
  const rendered = renderPostBody(body);
  const answer = await db.$transaction(async (tx) => {
    const question = await lockQuestion(tx, questionId);
    if (question.lockedAt) throw new AppError("FORBIDDEN", "This thread is locked: it takes no new answers.");
    if (question.closedAt) throw new AppError("FORBIDDEN", "This question is closed: it takes no new answers.");
    const now = new Date();
    // Two plain inserts: a nested create would cost a third statement to read the answer back.
    const created = await tx.answer.create({ data: { questionId, authorId: actor.id, ...rendered }, select: { id: true } });
    await tx.revision.create({ data: { answerId: created.id, editorId: actor.id, bodyMd: body }, select: { id: true } });
    await tx.question.update({ where: { id: questionId }, data: { answerCount: { increment: 1 }, lastActivityAt: now } });
    if (question.authorId !== actor.id) {
      await awardAnswer(tx, { questionId, answerId: created.id, userId: actor.id });
    }
    const notified = await notifyNewAnswer(tx, { questionId, answerId: created.id, actorId: actor.id });
    await notifyMentions(tx, { text: body, questionId, answerId: created.id, actorId: actor.id, skipUserIds: notified });
    return { id: created.id, questionId, slug: question.slug };
  });
  invalidateQuestion(questionId);
  return answer;
}
