import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createAnswer } from "../../lib/commands/create-answer";
import { deleteAnswer } from "../../lib/commands/delete-answer";
import { editAnswer } from "../../lib/commands/edit-post";
import { flagPost, handleFlag, SPAM_FLAGS_TO_HIDE } from "../../lib/commands/flags";
import { adjustPoints, changeRole, liftSuspension, suspendMember } from "../../lib/commands/members";
import { setQuestionDeleted, undeleteAnswer } from "../../lib/commands/moderate-posts";
import { closeQuestion, reopenQuestion, setThreadLocked } from "../../lib/commands/moderate-thread";
import { recalculateTotals, updateRules } from "../../lib/commands/admin-rules";
import { selectBestAnswer } from "../../lib/commands/select-best-answer";
import { db } from "../../lib/db";
import { findTotalMismatches } from "../../lib/points";
import { rules } from "../../lib/rules";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member, pointsOf } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

const auditCount = (action: string, targetId: number) => db.auditLog.count({ where: { action, targetId } });

describe("threads", () => {
  test("moderators lock and close; members cannot; locked and closed threads refuse answers", async () => {
    const asker = await member();
    const mod = await member("MODERATOR");
    const q = await askAs(asker);
    await assert.rejects(setThreadLocked(asker, { questionId: q.id, locked: "true" }), code("FORBIDDEN"));
    await setThreadLocked(mod, { questionId: q.id, locked: "true" });
    const refused = await member();
    await assert.rejects(answerAs(refused, q.id), code("FORBIDDEN"));
    // The refused answer's award and notifications (written by the same statement) are not kept.
    assert.equal(await pointsOf(refused.id), 0);
    assert.equal(await db.notification.count({ where: { questionId: q.id } }), 0);
    assert.equal((await db.question.findUniqueOrThrow({ where: { id: q.id }, select: { answerCount: true } })).answerCount, 0);
    await setThreadLocked(mod, { questionId: q.id, locked: "false" });
    await assert.rejects(closeQuestion(mod, { questionId: q.id, reason: "duplicate" }), code("BAD_INPUT"));
    const original = await askAs(asker, "What does TCP slow start actually do?");
    await closeQuestion(mod, { questionId: q.id, reason: "duplicate", duplicateOfId: String(original.id) });
    await assert.rejects(answerAs(await member(), q.id), code("FORBIDDEN"));
    await reopenQuestion(mod, { questionId: q.id });
    await answerAs(await member(), q.id);
    assert.equal(await auditCount("thread.lock", q.id), 1);
    assert.equal(await auditCount("question.close", q.id), 1);
    assert.equal(await auditCount("question.reopen", q.id), 1);
  });
});

describe("posts", () => {
  test("a moderator edits any post (revision names the editor) and picks the best answer", async () => {
    const asker = await member();
    const answerer = await member();
    const mod = await member("MODERATOR");
    const q = await askAs(asker);
    const a = await answerAs(answerer, q.id);
    await editAnswer(mod, a.id, { body: "Moderator fixed a typo in this answer." });
    const last = await db.revision.findFirst({ where: { answerId: a.id }, orderBy: { id: "desc" }, select: { editorId: true } });
    assert.equal(last?.editorId, mod.id);
    await selectBestAnswer(mod, a.id);
    assert.equal(await pointsOf(answerer.id), rules.answerPoints + rules.bestAnswerPoints);
  });

  test("deleting and undeleting an answer takes its points back and gives them back", async () => {
    const asker = await member();
    const answerer = await member();
    const mod = await member("MODERATOR");
    const q = await askAs(asker);
    const a = await answerAs(answerer, q.id);
    await deleteAnswer(mod, a.id);
    assert.equal(await pointsOf(answerer.id), 0);
    await assert.rejects(undeleteAnswer(answerer, { answerId: a.id }), code("FORBIDDEN"));
    await undeleteAnswer(mod, { answerId: a.id });
    assert.equal(await pointsOf(answerer.id), rules.answerPoints);
    assert.equal((await db.question.findUniqueOrThrow({ where: { id: q.id }, select: { answerCount: true } })).answerCount, 1);
    assert.equal(await auditCount("answer.delete", a.id), 1);
    assert.equal(await auditCount("answer.undelete", a.id), 1);
    assert.deepEqual(await findTotalMismatches(db), []);
  });

  test("deleted questions leave the lists and come back", async () => {
    const asker = await member();
    const mod = await member("MODERATOR");
    const q = await askAs(asker);
    await assert.rejects(setQuestionDeleted(asker, { questionId: q.id }, true), code("FORBIDDEN"));
    await setQuestionDeleted(mod, { questionId: q.id }, true);
    await assert.rejects(createAnswer(await member(), q.id, { body: "Answering a deleted question." }), code("NOT_FOUND"));
    await setQuestionDeleted(mod, { questionId: q.id }, false);
    assert.equal((await db.question.findUniqueOrThrow({ where: { id: q.id }, select: { deletedAt: true } })).deletedAt, null);
  });
});

describe("flags", () => {
  test("enough distinct spam flags hide a post; a dismissal shows it again and tells the flaggers", async () => {
    const asker = await member();
    const spammer = await member();
    const mod = await member("MODERATOR");
    const q = await askAs(asker);
    const a = await answerAs(spammer, q.id, "Buy cheap routers at example dot com now!!!");
    const flaggers = await Promise.all(Array.from({ length: SPAM_FLAGS_TO_HIDE }, () => member()));
    await assert.rejects(flagPost(spammer, { postType: "answer", postId: a.id, reason: "SPAM" }), code("BAD_INPUT"));
    for (const f of flaggers) await flagPost(f, { postType: "answer", postId: a.id, reason: "SPAM" });
    await assert.rejects(flagPost(flaggers[0]!, { postType: "answer", postId: a.id, reason: "SPAM" }), code("CONFLICT"));
    assert.ok((await db.answer.findUniqueOrThrow({ where: { id: a.id }, select: { hiddenAt: true } })).hiddenAt);
    const flag = await db.flag.findFirstOrThrow({ where: { answerId: a.id } });
    await assert.rejects(handleFlag(asker, { flagId: flag.id, outcome: "DISMISSED" }), code("FORBIDDEN"));
    await handleFlag(mod, { flagId: flag.id, outcome: "DISMISSED" });
    assert.equal((await db.answer.findUniqueOrThrow({ where: { id: a.id }, select: { hiddenAt: true } })).hiddenAt, null);
    assert.equal(await db.flag.count({ where: { answerId: a.id, status: "OPEN" } }), 0);
    assert.equal(await db.notification.count({ where: { userId: { in: flaggers.map((f) => f.id) }, kind: "FLAG_HANDLED" } }), flaggers.length);
    await assert.rejects(handleFlag(mod, { flagId: flag.id, outcome: "ACTED" }), code("CONFLICT"));
  });
});

describe("members", () => {
  test("suspended members cannot post or flag; lifting restores them; sessions end", async () => {
    const m = await member();
    const mod = await member("MODERATOR");
    const q = await askAs(await member());
    await assert.rejects(suspendMember(m, { userId: mod.id, days: 1, reason: "no" }), code("FORBIDDEN"));
    await suspendMember(mod, { userId: m.id, days: 3, reason: "spam run" });
    const suspended = await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { id: true, role: true, suspendedUntil: true, points: true, sessionVersion: true } });
    assert.equal(suspended.sessionVersion, 1);
    await assert.rejects(answerAs(suspended, q.id), code("FORBIDDEN"));
    await assert.rejects(flagPost(suspended, { postType: "question", postId: q.id, reason: "SPAM" }), code("FORBIDDEN"));
    await liftSuspension(mod, { userId: m.id });
    const lifted = await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { id: true, role: true, suspendedUntil: true, points: true } });
    await answerAs(lifted, q.id);
  });

  test("hand adjustments need a reason, are ledger events and are audited", async () => {
    const m = await member();
    const mod = await member("MODERATOR");
    await assert.rejects(adjustPoints(mod, { userId: m.id, delta: "-5", reason: "" }), code("BAD_INPUT"));
    await assert.rejects(adjustPoints(m, { userId: m.id, delta: "500", reason: "because" }), code("FORBIDDEN"));
    await adjustPoints(mod, { userId: m.id, delta: "-5", reason: "undo vote fraud" });
    assert.equal(await pointsOf(m.id), -5);
    const event = await db.pointEvent.findFirstOrThrow({ where: { userId: m.id } });
    assert.equal(event.note, "undo vote fraud");
    assert.equal(await auditCount("points.adjust", m.id), 1);
  });

  test("only admins change roles", async () => {
    const m = await member();
    const mod = await member("MODERATOR");
    const admin = await member("ADMIN");
    await assert.rejects(changeRole(mod, { userId: m.id, role: "MODERATOR" }), code("FORBIDDEN"));
    await changeRole(admin, { userId: m.id, role: "MODERATOR" });
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { role: true } })).role, "MODERATOR");
  });
});

describe("administration", () => {
  test("rule changes apply from now on, past events keep their values; recalculation fixes drift", async () => {
    const admin = await member("ADMIN");
    const asker = await member();
    const early = await member();
    const late = await member();
    const q = await askAs(asker);
    await answerAs(early, q.id);
    const values = { answerPoints: "3", bestAnswerPoints: "25", answerUpvotePoints: "5", questionUpvotePoints: "2", downvotePoints: "-1", voteUp: "1", commentEverywhere: "2", voteDown: "10", editOthersPosts: "100" };
    await assert.rejects(updateRules(await member("MODERATOR"), values), code("FORBIDDEN"));
    await updateRules(admin, values);
    try {
      await answerAs(late, q.id);
      assert.equal(await pointsOf(early.id), 2);
      assert.equal(await pointsOf(late.id), 3);
    } finally {
      await updateRules(admin, { ...values, answerPoints: "2", bestAnswerPoints: "20" });
    }
    await db.user.update({ where: { id: early.id }, data: { points: 999 } });
    const fixed = await recalculateTotals(admin);
    assert.ok(fixed.some((f) => f.id === early.id && f.points === 999 && f.ledger === 2));
    assert.equal(await pointsOf(early.id), 2);
    await assert.rejects(db.auditLog.deleteMany({}), /append-only/);
  });
});
