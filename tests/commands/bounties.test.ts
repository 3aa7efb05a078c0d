import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { awardBounty, expireBounties, offerBounty } from "../../lib/commands/bounty";
import { deleteAnswer } from "../../lib/commands/delete-answer";
import type { Actor } from "../../lib/commands/guard";
import { selectBestAnswer } from "../../lib/commands/select-best-answer";
import { db } from "../../lib/db";
import { findTotalMismatches } from "../../lib/points";
import { bountyRules, rules } from "../../lib/rules";
import { closeTestDatabase, openTestDatabase, uniqueName } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member, pointsOf } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

const DAY = 86_400_000;

async function memberWith(points: number): Promise<Actor> {
  const m = await member();
  if (points) await db.pointEvent.create({ data: { cause: "ADJUSTMENT", subject: uniqueName("adj"), seq: 0, userId: m.id, delta: points } });
  return { ...m, points };
}

/** A question asked `ageMs` ago (two days by default: old enough for a bounty). */
async function oldQuestion(ageMs = 2 * DAY) {
  const asker = await member();
  const q = await askAs(asker);
  await db.question.update({ where: { id: q.id }, data: { createdAt: new Date(Date.now() - ageMs) } });
  return { asker, q };
}

const bountyOf = (id: number) => db.bounty.findUniqueOrThrow({ where: { id }, select: { status: true, awardedAnswerId: true, closedAt: true } });
const setScore = (answerId: number, score: number) => db.answer.update({ where: { id: answerId }, data: { score } });
const justAfter = async (bountyId: number) => new Date((await db.bounty.findUniqueOrThrow({ where: { id: bountyId } })).expiresAt.getTime() + 1000);

describe("offering a bounty", () => {
  test("the points leave the offerer's total as a ledger event", async () => {
    const { q } = await oldQuestion();
    const offerer = await memberWith(120);
    const before = Date.now();
    const { bountyId } = await offerBounty(offerer, { questionId: q.id, amount: "50" });
    assert.equal(await pointsOf(offerer.id), 70);
    const events = await db.pointEvent.findMany({ where: { subject: `bounty:${bountyId}` }, select: { cause: true, delta: true, userId: true, seq: true } });
    assert.deepEqual(events, [{ cause: "BOUNTY_OFFER", delta: -50, userId: offerer.id, seq: 0 }]);
    const bounty = await db.bounty.findUniqueOrThrow({ where: { id: bountyId } });
    assert.equal(bounty.status, "OPEN");
    assert.ok(Math.abs(bounty.expiresAt.getTime() - before - bountyRules.durationMs) < 60_000);
  });

  test("amount bounds, question age, best answer, points and live question are enforced", async () => {
    const offerer = await memberWith(bountyRules.max + 50);
    const { q } = await oldQuestion();
    for (const amount of [bountyRules.min - 1, bountyRules.max + 1, 25.5, "lots", "20; DROP TABLE \"Bounty\""]) {
      await assert.rejects(offerBounty(offerer, { questionId: q.id, amount }), code("BAD_INPUT"));
    }
    await assert.rejects(offerBounty(offerer, { questionId: "1 OR 1=1", amount: 50 }), code("BAD_INPUT"));
    const { q: young } = await oldQuestion(bountyRules.minQuestionAgeMs - 60_000);
    await assert.rejects(offerBounty(offerer, { questionId: young.id, amount: 50 }), code("FORBIDDEN"));

    const { asker, q: answered } = await oldQuestion();
    const a = await answerAs(await member(), answered.id);
    await selectBestAnswer(asker, a.id);
    await assert.rejects(offerBounty(offerer, { questionId: answered.id, amount: 50 }), code("FORBIDDEN"));

    const poor = await memberWith(bountyRules.min + 5);
    await assert.rejects(offerBounty(poor, { questionId: q.id, amount: bountyRules.min + 10 }), code("FORBIDDEN"));
    await assert.rejects(offerBounty(offerer, { questionId: 2_000_000_000, amount: 50 }), code("NOT_FOUND"));
    await assert.rejects(offerBounty(null, { questionId: q.id, amount: 50 }), code("UNAUTHENTICATED"));
    assert.equal(await db.bounty.count({ where: { offererId: { in: [offerer.id, poor.id] } } }), 0);
    assert.equal(await pointsOf(offerer.id), bountyRules.max + 50);
    assert.equal(await pointsOf(poor.id), bountyRules.min + 5);

    // The asker may offer too, and the full bounds are allowed.
    assert.ok(await offerBounty(offerer, { questionId: q.id, amount: bountyRules.max }));
  });

  test("one open bounty per question, even when two offers race", async () => {
    const { q } = await oldQuestion();
    const [alice, bob] = await Promise.all([memberWith(100), memberWith(100)]);
    const outcomes = await Promise.allSettled([offerBounty(alice, { questionId: q.id, amount: 40 }), offerBounty(bob, { questionId: q.id, amount: 60 })]);
    assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
    const refused = outcomes.find((o) => o.status === "rejected");
    assert.ok(refused && code("CONFLICT")(refused.reason), String(refused && refused.status === "rejected" && refused.reason));
    assert.equal(await db.bounty.count({ where: { questionId: q.id } }), 1);
    assert.equal((await pointsOf(alice.id)) + (await pointsOf(bob.id)), 200 - (outcomes[0]!.status === "fulfilled" ? 40 : 60));
  });

  test("two offers of the same points on two questions cannot both take them", async () => {
    const offerer = await memberWith(60);
    const [{ q: q1 }, { q: q2 }] = await Promise.all([oldQuestion(), oldQuestion()]);
    const outcomes = await Promise.allSettled([offerBounty(offerer, { questionId: q1.id, amount: 50 }), offerBounty(offerer, { questionId: q2.id, amount: 50 })]);
    assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 1);
    assert.equal(await pointsOf(offerer.id), 10);
  });
});

describe("awarding", () => {
  test("only the offerer awards, to a live answer by someone else on that question", async () => {
    const { asker, q } = await oldQuestion();
    const offerer = await memberWith(100);
    const answerer = await member();
    const a = await answerAs(answerer, q.id);
    const own = await answerAs(offerer, q.id, "The offerer's own answer to the question.");
    const { q: other } = await oldQuestion();
    const elsewhere = await answerAs(answerer, other.id);
    const { bountyId } = await offerBounty(offerer, { questionId: q.id, amount: 30 });

    await assert.rejects(awardBounty(asker, { bountyId, answerId: a.id }), code("FORBIDDEN"));
    await assert.rejects(awardBounty(answerer, { bountyId, answerId: a.id }), code("FORBIDDEN"));
    await assert.rejects(awardBounty(offerer, { bountyId, answerId: own.id }), code("FORBIDDEN"));
    await assert.rejects(awardBounty(offerer, { bountyId, answerId: elsewhere.id }), code("BAD_INPUT"));
    await assert.rejects(awardBounty(offerer, { bountyId: 2_000_000_000, answerId: a.id }), code("NOT_FOUND"));
    const goner = await member();
    const gone = await answerAs(goner, q.id, "An answer that will be deleted soon.");
    await deleteAnswer(goner, gone.id);
    await assert.rejects(awardBounty(offerer, { bountyId, answerId: gone.id }), code("NOT_FOUND"));
    assert.equal((await bountyOf(bountyId)).status, "OPEN");

    const before = await pointsOf(answerer.id);
    await awardBounty(offerer, { bountyId, answerId: a.id });
    assert.equal(await pointsOf(answerer.id), before + 30);
    const b = await bountyOf(bountyId);
    assert.equal(b.status, "AWARDED");
    assert.equal(b.awardedAnswerId, a.id);
    assert.ok(b.closedAt);
    const note = await db.notification.findFirst({ where: { userId: answerer.id, kind: "POINTS", answerId: a.id }, select: { message: true, actorId: true } });
    assert.deepEqual(note, { message: "+30 bounty awarded to your answer", actorId: offerer.id });
    await assert.rejects(awardBounty(offerer, { bountyId, answerId: a.id }), code("CONFLICT"));
    assert.equal(await pointsOf(answerer.id), before + 30);
    // Closed, so the question may carry a new bounty.
    assert.ok(await offerBounty(offerer, { questionId: q.id, amount: 20 }));
  });

  test("an expired bounty can no longer be awarded by hand", async () => {
    const { q } = await oldQuestion();
    const offerer = await memberWith(100);
    const a = await answerAs(await member(), q.id);
    const { bountyId } = await offerBounty(offerer, { questionId: q.id, amount: 20 });
    await db.bounty.update({ where: { id: bountyId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await assert.rejects(awardBounty(offerer, { bountyId, answerId: a.id }), code("CONFLICT"));
  });
});

describe("expiry", () => {
  test("goes to the best-scored answer posted after the bounty started (ties: the earliest)", async () => {
    const { q } = await oldQuestion();
    const offerer = await memberWith(100);
    const [early, first, tied] = await Promise.all([member(), member(), member()]);
    const before = await answerAs(early, q.id, "Answered before there was a bounty.");
    const { bountyId } = await offerBounty(offerer, { questionId: q.id, amount: 40 });
    const a1 = await answerAs(first, q.id, "First answer after the bounty started.");
    const a2 = await answerAs(tied, q.id, "Second answer, as good as the first.");
    const own = await answerAs(offerer, q.id, "The offerer cannot win their own bounty.");
    await setScore(before.id, 9);
    await setScore(a1.id, 3);
    await setScore(a2.id, 3);
    await setScore(own.id, 8);
    const start = { first: await pointsOf(first.id), tied: await pointsOf(tied.id), early: await pointsOf(early.id) };

    await expireBounties(await justAfter(bountyId));
    const b = await bountyOf(bountyId);
    assert.equal(b.status, "AWARDED");
    assert.equal(b.awardedAnswerId, a1.id);
    assert.equal(await pointsOf(first.id), start.first + 40);
    assert.equal(await pointsOf(tied.id), start.tied);
    assert.equal(await pointsOf(early.id), start.early);
    assert.equal(await pointsOf(offerer.id), 100 + rules.answerPoints - 40);
  });

  test("with no eligible answer the bounty expires and the points are lost", async () => {
    const { q } = await oldQuestion();
    const offerer = await memberWith(100);
    await answerAs(offerer, q.id, "Only the offerer answered after the bounty.");
    const { bountyId } = await offerBounty(offerer, { questionId: q.id, amount: 25 });
    await answerAs(offerer, q.id, "Another answer by the offerer, after the bounty.");
    await expireBounties(await justAfter(bountyId));
    assert.equal((await bountyOf(bountyId)).status, "EXPIRED");
    assert.equal(await pointsOf(offerer.id), 100 + rules.answerPoints - 25);
    const events = await db.pointEvent.findMany({ where: { subject: `bounty:${bountyId}` }, select: { cause: true } });
    assert.deepEqual(events.map((e) => e.cause), ["BOUNTY_OFFER"]);
  });

  test("running it twice, or twice at once, closes each bounty once; the ledger adds up", async () => {
    const { q } = await oldQuestion();
    const offerer = await memberWith(100);
    const winner = await member();
    const { bountyId } = await offerBounty(offerer, { questionId: q.id, amount: 30 });
    await answerAs(winner, q.id);
    const now = await justAfter(bountyId);
    const [one, two] = await Promise.all([expireBounties(now), expireBounties(now)]);
    assert.equal(one.failed + two.failed, 0);
    assert.deepEqual(await expireBounties(now), { awarded: 0, expired: 0, failed: 0 });
    assert.equal(await db.pointEvent.count({ where: { cause: "BOUNTY", subject: `bounty:${bountyId}` } }), 1);
    assert.equal(await pointsOf(winner.id), rules.answerPoints + 30);
    assert.equal(await db.bounty.count({ where: { status: "OPEN", expiresAt: { lte: now } } }), 0);
    assert.deepEqual(await findTotalMismatches(db), []);
  });
});
