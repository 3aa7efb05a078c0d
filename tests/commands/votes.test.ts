import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Actor } from "../../lib/commands/guard";
import { castVote } from "../../lib/commands/vote";
import { deleteAnswer } from "../../lib/commands/delete-answer";
import { db } from "../../lib/db";
import { plural } from "../../lib/format";
import { listThreadMarks, myThreadState } from "../../lib/data/votes";
import { findTotalMismatches } from "../../lib/points";
import { privileges, rules } from "../../lib/rules";
import { closeTestDatabase, openTestDatabase, uniqueName } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member, pointsOf } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

/** A member holding `points` (through the ledger, as an adjustment), as the session would load them. */
async function memberWith(points: number, role: Actor["role"] = "MEMBER"): Promise<Actor> {
  const m = await member(role);
  if (points) await db.pointEvent.create({ data: { cause: "ADJUSTMENT", subject: uniqueName("adj"), seq: 0, userId: m.id, delta: points } });
  return { ...m, points };
}

/** A question by one member with an answer by another; both authors start at known points. */
async function thread() {
  const asker = await member();
  const answerer = await member();
  const q = await askAs(asker);
  const a = await answerAs(answerer, q.id);
  return { asker, answerer, q, a };
}

const scoreOfAnswer = async (id: number) => (await db.answer.findUniqueOrThrow({ where: { id }, select: { score: true } })).score;
const scoreOfQuestion = async (id: number) => (await db.question.findUniqueOrThrow({ where: { id }, select: { score: true } })).score;

describe("who may vote", () => {
  test("upvotes need voteUp points, downvotes voteDown; moderators and admins need none", async () => {
    const { q, a } = await thread();
    const newcomer = await memberWith(0);
    const up = await memberWith(privileges.voteUp);
    const almost = await memberWith(privileges.voteDown - 1);
    const down = await memberWith(privileges.voteDown);
    await assert.rejects(castVote(newcomer, { postType: "answer", postId: a.id, direction: "up" }), (e: Error & { code?: string }) => {
      assert.equal(e.code, "FORBIDDEN");
      assert.match(e.message, new RegExp(`You need ${plural(privileges.voteUp, "point")} to vote up`));
      return true;
    });
    await assert.rejects(castVote(up, { postType: "answer", postId: a.id, direction: "down" }), code("FORBIDDEN"));
    await assert.rejects(castVote(almost, { postType: "question", postId: q.id, direction: "down" }), code("FORBIDDEN"));
    assert.equal((await castVote(up, { postType: "answer", postId: a.id, direction: "up" })).myVote, 1);
    assert.equal((await castVote(down, { postType: "answer", postId: a.id, direction: "down" })).myVote, -1);
    for (const role of ["MODERATOR", "ADMIN"] as const) {
      const staff = await memberWith(0, role);
      assert.equal((await castVote(staff, { postType: "question", postId: q.id, direction: "down" })).myVote, -1);
    }
    assert.equal(await scoreOfAnswer(a.id), 0);
    assert.equal(await scoreOfQuestion(q.id), -2);
    await assert.rejects(castVote(null, { postType: "answer", postId: a.id, direction: "up" }), code("UNAUTHENTICATED"));
    const suspended = { ...(await memberWith(50)), suspendedUntil: new Date(Date.now() + 86_400_000) };
    await assert.rejects(castVote(suspended, { postType: "answer", postId: a.id, direction: "up" }), code("FORBIDDEN"));
  });

  test("nobody votes on their own post", async () => {
    const asker = await memberWith(50);
    const q = await askAs(asker);
    const a = await answerAs(asker, q.id, "Answering my own question with some detail.");
    await assert.rejects(castVote(asker, { postType: "question", postId: q.id, direction: "up" }), code("FORBIDDEN"));
    await assert.rejects(castVote(asker, { postType: "answer", postId: a.id, direction: "down" }), code("FORBIDDEN"));
    assert.equal(await db.vote.count({ where: { userId: asker.id } }), 0);
  });

  test("missing, deleted and forged posts are refused and change nothing", async () => {
    const { answerer, a } = await thread();
    const voter = await memberWith(50);
    await deleteAnswer(answerer, a.id);
    await assert.rejects(castVote(voter, { postType: "answer", postId: a.id, direction: "up" }), code("NOT_FOUND"));
    await assert.rejects(castVote(voter, { postType: "question", postId: 2_000_000_000, direction: "up" }), (e: Error & { code?: string }) => {
      assert.equal(e.code, "NOT_FOUND");
      assert.match(e.message, /does not exist or was removed/);
      return true;
    });
    for (const bad of [
      { postType: "question", postId: "1; DROP TABLE \"Vote\"", direction: "up" },
      { postType: "question", postId: "1 OR 1=1", direction: "up" },
      { postType: "comment", postId: 1, direction: "up" },
      { postType: "answer", postId: 1, direction: "sideways" },
      { postType: "answer", postId: -4, direction: "up" },
      null,
    ]) {
      await assert.rejects(castVote(voter, bad), code("BAD_INPUT"));
    }
    assert.equal(await db.vote.count({ where: { userId: voter.id } }), 0);
  });
});

describe("votes and points", () => {
  test("up, change to down, remove: the score and the author's points follow exactly", async () => {
    const { asker, answerer, q, a } = await thread();
    const voter = await memberWith(privileges.voteDown);
    const start = await pointsOf(answerer.id);
    const vote = (direction: "up" | "down") => castVote(voter, { postType: "answer", postId: a.id, direction });

    assert.deepEqual(await vote("up"), { score: 1, myVote: 1, questionId: q.id, slug: q.slug });
    assert.equal(await pointsOf(answerer.id), start + rules.answerUpvotePoints);
    assert.deepEqual((await vote("down")).score, -1);
    assert.equal(await pointsOf(answerer.id), start + rules.downvotePoints);
    assert.equal((await vote("down")).myVote, 0, "the same direction again removes the vote");
    assert.equal(await pointsOf(answerer.id), start);
    assert.equal(await scoreOfAnswer(a.id), 0);
    assert.equal(await db.vote.count({ where: { answerId: a.id } }), 0);

    await castVote(voter, { postType: "question", postId: q.id, direction: "up" });
    assert.equal(await pointsOf(asker.id), rules.questionUpvotePoints);
    await castVote(voter, { postType: "question", postId: q.id, direction: "up" });
    assert.equal(await pointsOf(asker.id), 0);
    assert.equal(await pointsOf(voter.id), privileges.voteDown, "voting costs the voter nothing");

    const notes = await db.notification.findMany({ where: { userId: answerer.id, kind: "POINTS", answerId: a.id }, select: { actorId: true, message: true } });
    assert.deepEqual(notes.map((n) => n.message), [`+${rules.answerUpvotePoints} for an upvote on your answer`, `${rules.downvotePoints} for a downvote on your answer`]);
    assert.ok(notes.every((n) => n.actorId === null), "votes stay anonymous");

    const events = await db.pointEvent.findMany({ where: { subject: `vote:a${a.id}:u${voter.id}` }, orderBy: { id: "asc" }, select: { cause: true, seq: true, delta: true } });
    assert.deepEqual(events, [
      { cause: "VOTE_UP", seq: 0, delta: rules.answerUpvotePoints },
      { cause: "VOTE_UP", seq: 1, delta: -rules.answerUpvotePoints },
      { cause: "VOTE_DOWN", seq: 0, delta: rules.downvotePoints },
      { cause: "VOTE_DOWN", seq: 1, delta: -rules.downvotePoints },
    ]);
  });

  test("a member who lost the privilege may still take their vote back", async () => {
    const { answerer, a } = await thread();
    const voter = await memberWith(privileges.voteDown);
    await castVote(voter, { postType: "answer", postId: a.id, direction: "down" });
    const poorer = { ...voter, points: 0 };
    await assert.rejects(castVote(poorer, { postType: "answer", postId: a.id, direction: "up" }), code("FORBIDDEN"));
    assert.equal((await castVote(poorer, { postType: "answer", postId: a.id, direction: "down" })).myVote, 0);
    assert.equal(await pointsOf(answerer.id), rules.answerPoints);
  });
});

describe("simultaneous votes", () => {
  test("identical votes sent at once leave one row per member, a true score and a ledger that adds up", async () => {
    const { answerer, a } = await thread();
    const clicker = await memberWith(privileges.voteDown);
    const doubleClicker = await memberWith(privileges.voteDown);
    const others = await Promise.all(Array.from({ length: 10 }, () => memberWith(privileges.voteUp)));
    const start = await pointsOf(answerer.id);
    const up = (m: Actor) => castVote(m, { postType: "answer", postId: a.id, direction: "up" });
    // 11 toggles end "on" and 10 end "off", whatever order the lock gives them.
    await Promise.all([
      ...Array.from({ length: 11 }, () => up(clicker)),
      ...Array.from({ length: 10 }, () => castVote(doubleClicker, { postType: "answer", postId: a.id, direction: "down" })),
      ...others.map(up),
    ]);
    const rows = await db.vote.findMany({ where: { answerId: a.id }, select: { userId: true, value: true } });
    assert.equal(rows.filter((r) => r.userId === clicker.id).length, 1);
    assert.equal(rows.filter((r) => r.userId === doubleClicker.id).length, 0);
    assert.equal(rows.length, 11);
    assert.equal(await scoreOfAnswer(a.id), rows.reduce((s, r) => s + r.value, 0));
    assert.equal(await pointsOf(answerer.id), start + 11 * rules.answerUpvotePoints);
    assert.deepEqual(await findTotalMismatches(db), []);
  });
});

describe("a reader's own state on a thread", () => {
  test("every member's votes on the question and its answers, and who follows it, in one read", async () => {
    const { asker, q, a } = await thread();
    const other = await answerAs(await member(), q.id, "Another answer, left without a vote.");
    const reader = await memberWith(privileges.voteDown);
    const empty = myThreadState(await listThreadMarks(q.id, []), reader.id);
    assert.deepEqual(empty, { votes: { question: 0, answers: new Map() }, following: false });

    await castVote(reader, { postType: "question", postId: String(q.id), direction: "down" });
    await castVote(reader, { postType: "answer", postId: String(a.id), direction: "up" });
    await db.follow.create({ data: { userId: reader.id, questionId: q.id } });
    const marks = await listThreadMarks(q.id, [a.id, other.id]);
    assert.deepEqual(myThreadState(marks, reader.id), { votes: { question: -1, answers: new Map([[a.id, 1]]) }, following: true });
    // Only the answers asked about, and each member's own.
    assert.equal(myThreadState(await listThreadMarks(q.id, [other.id]), reader.id).votes.answers.size, 0);
    assert.deepEqual(myThreadState(marks, (await member()).id), { votes: { question: 0, answers: new Map() }, following: false });
    // The asker follows their own question from the start.
    assert.equal(myThreadState(marks, asker.id).following, true);
  });
});
