import "server-only";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { notifyPoints } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { grantPoints } from "../points";
import { bountyRules } from "../rules";
import { awardBountySchema, offerBountySchema } from "../validation/bounty";
import { parseInput } from "../validation/parse";
import { lockQuestion, requireMember, type Actor } from "./guard";

const subjectOf = (bountyId: number) => `bounty:${bountyId}`;

/**
 * Offers part of the actor's points on a question a day old or more with no best answer. The
 * points leave their total at once, as a ledger event.
 */
export async function offerBounty(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { questionId, amount } = parseInput(offerBountySchema, input);
  let result: { bountyId: number; questionId: number; slug: string };
  try {
    result = await db.$transaction(async (tx) => {
      const question = await lockQuestion(tx, questionId);
      const { createdAt } = await tx.question.findUniqueOrThrow({ where: { id: questionId }, select: { createdAt: true } });
      const now = new Date();
      if (question.lockedAt || question.closedAt) throw new AppError("FORBIDDEN", "This question takes no new answers, so it cannot carry a bounty.");
      if (question.bestAnswerId !== null) throw new AppError("FORBIDDEN", "This question already has a best answer.");
      if (now.getTime() - createdAt.getTime() < bountyRules.minQuestionAgeMs) {
        throw new AppError("FORBIDDEN", "A bounty can be offered once a question is a day old.");
      }
      if (await tx.bounty.findFirst({ where: { questionId, status: "OPEN" }, select: { id: true } })) throw openAlready();
      // Locking the offerer's row makes two offers of the same points (on two questions) queue.
      const [offerer] = await tx.$queryRaw<{ points: number }[]>`SELECT "points" FROM "User" WHERE "id" = ${actor.id} FOR UPDATE`;
      if (!offerer || offerer.points < amount) {
        throw new AppError("FORBIDDEN", `You have ${offerer?.points ?? 0} points: not enough to offer ${amount}.`, { amount: ["More than you have."] });
      }
      const bounty = await tx.bounty.create({
        data: { questionId, offererId: actor.id, amount, createdAt: now, expiresAt: new Date(now.getTime() + bountyRules.durationMs) },
        select: { id: true },
      });
      await grantPoints(tx, { cause: "BOUNTY_OFFER", subject: subjectOf(bounty.id), userId: actor.id, delta: -amount, questionId, actorId: actor.id });
      return { bountyId: bounty.id, questionId, slug: question.slug };
    });
  } catch (e) {
    // The partial unique index has the last word when two offers race.
    if (isUniqueViolation(e)) throw openAlready();
    throw e;
  }
  invalidateQuestion(questionId);
  return result;
}

const openAlready = () => new AppError("CONFLICT", "This question already has an open bounty.");

/** The bounty row, locked while it is still open (a finished one is left alone). */
async function lockOpenBounty(tx: Tx, bountyId: number) {
  const rows = await tx.$queryRaw<{ id: number; questionId: number; offererId: number; amount: number; createdAt: Date; expiresAt: Date }[]>`
    SELECT "id", "questionId", "offererId", "amount", "createdAt", "expiresAt" FROM "Bounty"
    WHERE "id" = ${bountyId} AND "status" = 'OPEN' FOR UPDATE`;
  return rows[0] ?? null;
}

type OpenBountyRow = NonNullable<Awaited<ReturnType<typeof lockOpenBounty>>>;

async function payOut(tx: Tx, bounty: OpenBountyRow, answer: { id: number; authorId: number }, actorId?: number) {
  await grantPoints(tx, {
    cause: "BOUNTY",
    subject: subjectOf(bounty.id),
    userId: answer.authorId,
    delta: bounty.amount,
    questionId: bounty.questionId,
    answerId: answer.id,
    actorId,
  });
  await tx.bounty.update({ where: { id: bounty.id }, data: { status: "AWARDED", awardedAnswerId: answer.id, closedAt: new Date() } });
  await notifyPoints(tx, { userId: answer.authorId, delta: bounty.amount, reason: "bounty awarded to your answer", questionId: bounty.questionId, answerId: answer.id, actorId });
}

/** The offerer gives their open bounty to a live answer on the question (not their own). */
export async function awardBounty(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { bountyId, answerId } = parseInput(awardBountySchema, input);
  const result = await db.$transaction(async (tx) => {
    const bounty = await lockOpenBounty(tx, bountyId);
    if (!bounty) {
      const exists = await tx.bounty.findUnique({ where: { id: bountyId }, select: { status: true } });
      throw exists ? new AppError("CONFLICT", "This bounty was already awarded or has expired.") : new AppError("NOT_FOUND", "That bounty does not exist.");
    }
    if (bounty.offererId !== actor.id) throw new AppError("FORBIDDEN", "Only the member who offered the bounty can award it.");
    if (bounty.expiresAt <= new Date()) throw new AppError("CONFLICT", "This bounty has expired.");
    // FOR SHARE: a deletion of the answer waits for the award (or the award sees it deleted).
    const [answer] = await tx.$queryRaw<{ id: number; authorId: number; questionId: number; slug: string }[]>`
      SELECT a."id", a."authorId", a."questionId", q."slug" FROM "Answer" a JOIN "Question" q ON q."id" = a."questionId"
      WHERE a."id" = ${answerId} AND a."deletedAt" IS NULL AND a."hiddenAt" IS NULL AND q."deletedAt" IS NULL FOR SHARE OF a`;
    if (!answer) throw new AppError("NOT_FOUND", "That answer does not exist or was removed.");
    if (answer.questionId !== bounty.questionId) throw new AppError("BAD_INPUT", "That answer is not on this bounty's question.");
    if (answer.authorId === actor.id) throw new AppError("FORBIDDEN", "You cannot award your own bounty to your own answer.");
    await payOut(tx, bounty, answer, actor.id);
    return { questionId: answer.questionId, slug: answer.slug, answerId };
  });
  invalidateQuestion(result.questionId);
  return result;
}

/**
 * Closes every open bounty past its end: it goes to the best-scored live answer posted while
 * it ran (ties: the earliest), not by the offerer; with none, it expires and the points are
 * lost. One transaction per bounty; safe to run twice or in two processes at once.
 */
export async function expireBounties(now = new Date()) {
  const due = await db.bounty.findMany({ where: { status: "OPEN", expiresAt: { lte: now } }, select: { id: true }, orderBy: { id: "asc" } });
  const counts = { awarded: 0, expired: 0, failed: 0 };
  for (const { id } of due) {
    try {
      const outcome = await db.$transaction(async (tx) => {
        const bounty = await lockOpenBounty(tx, id);
        if (!bounty || bounty.expiresAt > now) return null;
        const winner = await tx.answer.findFirst({
          where: {
            questionId: bounty.questionId,
            deletedAt: null,
            hiddenAt: null,
            authorId: { not: bounty.offererId },
            createdAt: { gte: bounty.createdAt, lte: bounty.expiresAt },
            question: { deletedAt: null },
          },
          orderBy: [{ score: "desc" }, { createdAt: "asc" }, { id: "asc" }],
          select: { id: true, authorId: true },
        });
        if (winner) await payOut(tx, bounty, winner);
        else await tx.bounty.update({ where: { id }, data: { status: "EXPIRED", closedAt: new Date() } });
        return { questionId: bounty.questionId, awarded: !!winner };
      });
      if (!outcome) continue;
      counts[outcome.awarded ? "awarded" : "expired"]++;
      invalidateQuestion(outcome.questionId);
    } catch (e) {
      counts.failed++;
      console.error(`Closing bounty ${id} failed; it stays open for the next run:`, e);
    }
  }
  return counts;
}
