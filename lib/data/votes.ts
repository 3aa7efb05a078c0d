import "server-only";
import { db } from "../db";

export type MyVote = -1 | 0 | 1;

const asVote = (value: number): MyVote => (value > 0 ? 1 : value < 0 ? -1 : 0);

export type MyThreadState = { votes: { question: MyVote; answers: Map<number, MyVote> }; following: boolean };

/** Every member's state on one thread, by member id; a member missing from it has none. */
export type ThreadMarks = ReadonlyMap<number, MyThreadState>;

const emptyState = (): MyThreadState => ({ votes: { question: 0, answers: new Map() }, following: false });
// Returned for every member with no state on a thread: shared, like the marks themselves.
const NO_STATE = emptyState();

/**
 * What every member has done on one thread: their votes on the question and the given answers,
 * and who follows it (a follow row is the one with no vote value). It is read with the thread's
 * shared data (lib/data/thread-cache.ts), so a signed-in read of a thread already in memory
 * costs no query of its own; the writes that change it (votes, follows) drop that data. Each
 * part is its own indexed lookup with the answers as one array parameter: an OR over a list
 * of 30 placeholders cost PGlite 4.5 ms a read to plan and run.
 */
export async function listThreadMarks(questionId: number, answerIds: number[]): Promise<ThreadMarks> {
  const rows = await db.$queryRaw<{ userId: number; questionId: number | null; answerId: number | null; value: number | null }[]>`
    SELECT "userId", "questionId", NULL::int AS "answerId", "value" FROM "Vote" WHERE "questionId" = ${questionId}
    UNION ALL
    SELECT "userId", NULL, "answerId", "value" FROM "Vote" WHERE "answerId" = ANY(${answerIds}::int[])
    UNION ALL
    SELECT "userId", "questionId", NULL, NULL FROM "Follow" WHERE "questionId" = ${questionId}`;
  const marks = new Map<number, MyThreadState>();
  for (const row of rows) {
    let state = marks.get(row.userId);
    if (!state) marks.set(row.userId, (state = emptyState()));
    if (row.value === null) state.following = true;
    else if (row.questionId !== null) state.votes.question = asVote(row.value);
    else if (row.answerId !== null) state.votes.answers.set(row.answerId, asVote(row.value));
  }
  return marks;
}

/** One member's state from a thread's marks (shared: read it, never change it). */
export function myThreadState(marks: ThreadMarks, userId: number): MyThreadState {
  return marks.get(userId) ?? NO_STATE;
}
