/**
 * The points ledger: the only code that writes PointEvent rows. Every function runs inside the
 * caller's transaction. A member's total follows each event through a database trigger, so it
 * always equals the sum of their events.
 *
 * Each cause has a subject (what the points are for) whose events are numbered: seq 0 is the
 * award, 1 its reversal, 2 a new award, and so on. The unique (cause, subject, seq) key means
 * that two transactions racing to award the same thing cannot both succeed.
 */
import { Prisma } from "./generated/prisma/client";
import type { PointCause } from "./generated/prisma/enums";
import type { Tx } from "./db";
import { rules } from "./rules";

type Award = {
  cause: PointCause;
  subject: string;
  userId: number;
  delta: number;
  questionId?: number;
  /** SQL when the answer is written by the same statement (see answerAwardStatement). */
  answerId?: number | Prisma.Sql;
  actorId?: number;
  note?: string;
};

async function latestEvent(tx: Tx, cause: PointCause, subject: string) {
  return tx.pointEvent.findFirst({
    where: { cause, subject },
    orderBy: { seq: "desc" },
    select: { seq: true, delta: true, userId: true, questionId: true, answerId: true },
  });
}

/**
 * The INSERT that grants an award unless it is already in force: the next seq is read and
 * written together, and the unique (cause, subject, seq) key still refuses a racing twin.
 * `when` narrows it further, for callers that make it part of a larger statement.
 */
function grantStatement(a: Award, when: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  const answerId = a.answerId instanceof Prisma.Sql ? a.answerId : Prisma.sql`${a.answerId ?? null}::int`;
  return Prisma.sql`
    INSERT INTO "PointEvent" ("userId", "delta", "cause", "subject", "seq", "questionId", "answerId", "actorId", "note", "createdAt")
    SELECT ${a.userId}::int, ${a.delta}::int, ${a.cause}::"PointCause", ${a.subject}::text, COALESCE(last.seq + 1, 0),
           ${a.questionId ?? null}::int, ${answerId}, ${a.actorId ?? null}::int, ${a.note ?? null}::text, ${new Date()}::timestamp
    FROM (SELECT (SELECT "seq" FROM "PointEvent" WHERE "cause" = ${a.cause}::"PointCause" AND "subject" = ${a.subject}
                  ORDER BY "seq" DESC LIMIT 1) AS seq) last
    WHERE (last.seq IS NULL OR last.seq % 2 = 1) AND ${when}`;
}

/** Grants an award unless it is already in force. Returns whether an event was written. */
async function grant(tx: Tx, a: Award): Promise<boolean> {
  return (await tx.$executeRaw(grantStatement(a))) === 1;
}

/** Takes back the award in force, if any, by exactly what it gave. */
async function takeBack(tx: Tx, cause: PointCause, subject: string, actorId?: number, note?: string): Promise<boolean> {
  const last = await latestEvent(tx, cause, subject);
  if (!last || last.seq % 2 === 1) return false;
  await tx.pointEvent.create({
    data: {
      cause,
      subject,
      seq: last.seq + 1,
      userId: last.userId,
      delta: -last.delta,
      questionId: last.questionId,
      answerId: last.answerId,
      actorId,
      note,
    },
  });
  return true;
}

/** The generic pair, for causes whose subject the caller names (votes, bounties, adjustments). */
export { grant as grantPoints, takeBack as takeBackPoints };

const answerSubject = (questionId: number, userId: number) => `question:${questionId}:member:${userId}`;
const bestAnswerSubject = (answerId: number) => `answer:${answerId}`;

const answerAward = (p: { questionId: number; answerId: number | Prisma.Sql; userId: number }): Award => ({
  cause: "ANSWER",
  subject: answerSubject(p.questionId, p.userId),
  userId: p.userId,
  delta: rules.answerPoints,
  questionId: p.questionId,
  answerId: p.answerId,
});

/** +2 for answering someone else's question, once per member per question. */
export function awardAnswer(tx: Tx, p: { questionId: number; answerId: number; userId: number }) {
  return grant(tx, answerAward(p));
}

/**
 * The same award as one part of a larger statement: posting an answer writes the answer, its
 * award and its notifications in one round trip (lib/commands/create-answer.ts). `answerId` is
 * the SQL that yields the new answer's id; `when` says whether to award at all.
 */
export function answerAwardStatement(p: { questionId: number; answerId: Prisma.Sql; userId: number; when: Prisma.Sql }): Prisma.Sql {
  return grantStatement(answerAward(p), p.when);
}

export function revokeAnswer(tx: Tx, p: { questionId: number; userId: number; actorId?: number }) {
  return takeBack(tx, "ANSWER", answerSubject(p.questionId, p.userId), p.actorId);
}

/** +20 to the author of the answer picked as best. */
export function awardBestAnswer(tx: Tx, p: { questionId: number; answerId: number; userId: number; actorId: number }) {
  return grant(tx, {
    cause: "BEST_ANSWER",
    subject: bestAnswerSubject(p.answerId),
    userId: p.userId,
    delta: rules.bestAnswerPoints,
    questionId: p.questionId,
    answerId: p.answerId,
    actorId: p.actorId,
  });
}

export function revokeBestAnswer(tx: Tx, p: { answerId: number; actorId?: number }) {
  return takeBack(tx, "BEST_ANSWER", bestAnswerSubject(p.answerId), p.actorId);
}

const POST_DELETED = "post deleted";
type Post = { questionId: number; answerId: null } | { answerId: number };

/**
 * Takes back every award in force that a post earned (votes, bounties...), except the causes
 * the caller settles itself, marking the reversals so that undeleting can give them back.
 */
export async function takeBackPostEvents(tx: Tx, post: Post, actorId: number, except: PointCause[] = []) {
  for (const e of await latestPerSubject(tx, post)) {
    if (e.seq % 2 === 0 && !except.includes(e.cause)) await takeBack(tx, e.cause, e.subject, actorId, POST_DELETED);
  }
}

/** Gives back what takeBackPostEvents took, by exactly the amounts it took. */
export async function restorePostEvents(tx: Tx, post: Post, actorId: number) {
  for (const e of await latestPerSubject(tx, post)) {
    if (e.seq % 2 === 1 && e.note === POST_DELETED) {
      await tx.pointEvent.create({
        data: { cause: e.cause, subject: e.subject, seq: e.seq + 1, userId: e.userId, delta: -e.delta, questionId: e.questionId, answerId: e.answerId, actorId, note: "post restored" },
      });
    }
  }
}

async function latestPerSubject(tx: Tx, post: Post) {
  const events = await tx.pointEvent.findMany({
    where: "answerId" in post && post.answerId !== null ? { answerId: post.answerId } : { questionId: (post as { questionId: number }).questionId, answerId: null },
    orderBy: [{ cause: "asc" }, { subject: "asc" }, { seq: "desc" }],
    select: { cause: true, subject: true, seq: true, delta: true, userId: true, note: true, questionId: true, answerId: true },
  });
  const latest = new Map<string, (typeof events)[number]>();
  for (const e of events) if (!latest.has(`${e.cause}|${e.subject}`)) latest.set(`${e.cause}|${e.subject}`, e);
  return [...latest.values()];
}

/** Members whose stored total differs from the sum of their events (should be none). */
export async function findTotalMismatches(tx: Pick<Tx, "$queryRaw">) {
  return tx.$queryRaw<{ id: number; points: number; ledger: number }[]>`
    SELECT u."id", u."points", COALESCE(SUM(e."delta"), 0)::int AS "ledger"
    FROM "User" u LEFT JOIN "PointEvent" e ON e."userId" = u."id"
    GROUP BY u."id" HAVING u."points" <> COALESCE(SUM(e."delta"), 0)`;
}
