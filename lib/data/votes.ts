import "server-only";
import { db } from "../db";

export type MyVote = -1 | 0 | 1;

const asVote = (value: number): MyVote => (value > 0 ? 1 : value < 0 ? -1 : 0);

/** A signed-in reader's votes on one thread (the question and the given answers), in one query. */
export async function findMyVotes(userId: number, questionId: number, answerIds: number[]): Promise<{ question: MyVote; answers: Map<number, MyVote> }> {
  const rows = await db.vote.findMany({
    where: { userId, OR: [{ questionId }, ...(answerIds.length ? [{ answerId: { in: answerIds } }] : [])] },
    select: { questionId: true, answerId: true, value: true },
  });
  let question: MyVote = 0;
  const answers = new Map<number, MyVote>();
  for (const row of rows) {
    if (row.questionId !== null) question = asVote(row.value);
    else if (row.answerId !== null) answers.set(row.answerId, asVote(row.value));
  }
  return { question, answers };
}
