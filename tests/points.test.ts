import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "../lib/db";
import { awardAnswer, awardBestAnswer, findTotalMismatches, revokeAnswer, revokeBestAnswer } from "../lib/points";
import { rules } from "../lib/rules";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";

before(openTestDatabase);
after(closeTestDatabase);

async function member() {
  const name = uniqueName("pts");
  return db.user.create({ data: { username: name, usernameKey: name.toLowerCase() }, select: { id: true } });
}

async function pointsOf(id: number) {
  return (await db.user.findUniqueOrThrow({ where: { id }, select: { points: true } })).points;
}

async function thread() {
  const asker = await member();
  const answerer = await member();
  const category = await db.category.upsert({ where: { slug: "test-points" }, create: { slug: "test-points", name: "Test points" }, update: {} });
  const q = await db.question.create({
    data: { title: "t", slug: "t", bodyMd: "b", bodyHtml: "b", renderVersion: 1, authorId: asker.id, categoryId: category.id },
  });
  const a = await db.answer.create({ data: { questionId: q.id, authorId: answerer.id, bodyMd: "a", bodyHtml: "a", renderVersion: 1 } });
  return { asker, answerer, q, a };
}

test("an answer award is granted once, taken back once, and can be granted again", async () => {
  const { answerer, q, a } = await thread();
  const p = { questionId: q.id, answerId: a.id, userId: answerer.id };
  assert.equal(await db.$transaction((tx) => awardAnswer(tx, p)), true);
  assert.equal(await db.$transaction((tx) => awardAnswer(tx, p)), false);
  assert.equal(await pointsOf(answerer.id), rules.answerPoints);
  assert.equal(await db.$transaction((tx) => revokeAnswer(tx, p)), true);
  assert.equal(await db.$transaction((tx) => revokeAnswer(tx, p)), false);
  assert.equal(await pointsOf(answerer.id), 0);
  assert.equal(await db.$transaction((tx) => awardAnswer(tx, p)), true);
  assert.equal(await pointsOf(answerer.id), rules.answerPoints);
  const seqs = await db.pointEvent.findMany({ where: { userId: answerer.id }, orderBy: { seq: "asc" }, select: { seq: true, delta: true } });
  assert.deepEqual(seqs, [
    { seq: 0, delta: 2 },
    { seq: 1, delta: -2 },
    { seq: 2, delta: 2 },
  ]);
});

test("a reversal takes back what the award gave, even after the rules change", async () => {
  const { asker, answerer, q, a } = await thread();
  // An award written under an older rule (a delta of 15) is reversed by exactly 15.
  await db.pointEvent.create({ data: { cause: "BEST_ANSWER", subject: `answer:${a.id}`, seq: 0, userId: answerer.id, delta: 15, questionId: q.id, answerId: a.id } });
  await db.$transaction((tx) => revokeBestAnswer(tx, { answerId: a.id, actorId: asker.id }));
  assert.equal(await pointsOf(answerer.id), 0);
  await db.$transaction((tx) => awardBestAnswer(tx, { questionId: q.id, answerId: a.id, userId: answerer.id, actorId: asker.id }));
  assert.equal(await pointsOf(answerer.id), rules.bestAnswerPoints);
});

test("racing awards of the same thing leave exactly one event", async () => {
  const { answerer, q, a } = await thread();
  const p = { questionId: q.id, answerId: a.id, userId: answerer.id };
  const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => db.$transaction((tx) => awardAnswer(tx, p))));
  assert.ok(outcomes.some((o) => o.status === "fulfilled" && o.value === true));
  assert.equal(await db.pointEvent.count({ where: { userId: answerer.id } }), 1);
  assert.equal(await pointsOf(answerer.id), rules.answerPoints);
});

test("the ledger is append-only and totals match it", async () => {
  const { answerer, q, a } = await thread();
  await db.$transaction((tx) => awardAnswer(tx, { questionId: q.id, answerId: a.id, userId: answerer.id }));
  await assert.rejects(db.pointEvent.deleteMany({ where: { userId: answerer.id } }), /append-only/);
  await assert.rejects(db.pointEvent.updateMany({ where: { userId: answerer.id }, data: { delta: 100 } }), /append-only/);
  assert.deepEqual(await findTotalMismatches(db), []);
});
