/**
 * What moderation tells the member it touches, and what moderators still see: inbox notices
 * (with the reason) when a post is deleted, hidden, closed or undeleted and when a member is
 * suspended; deleted posts kept in the moderators' view of a thread only.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { deleteAnswer } from "../../lib/commands/delete-answer";
import { flagPost, SPAM_FLAGS_TO_HIDE } from "../../lib/commands/flags";
import { liftSuspension, suspendMember } from "../../lib/commands/members";
import { setQuestionDeleted, undeleteAnswer } from "../../lib/commands/moderate-posts";
import { closeQuestion } from "../../lib/commands/moderate-thread";
import { findSessionMember } from "../../lib/auth/session-member";
import { findThread } from "../../lib/data/thread";
import { db } from "../../lib/db";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

const notices = (userId: number) => db.notification.findMany({ where: { userId, kind: "MODERATION" }, orderBy: { id: "asc" }, select: { message: true, questionId: true, answerId: true, actorId: true } });

test("a deleted question stays in the moderators' view, marked; its author hears why, and again when it is restored", async () => {
  const asker = await member();
  const mod = await member("MODERATOR");
  const q = await askAs(asker, "Why does my UDP checksum come out as zero?");
  const a = await answerAs(await member(), q.id);
  await assert.rejects(setQuestionDeleted(await member(), { questionId: q.id, reason: "no" }, true), code("FORBIDDEN"));
  await setQuestionDeleted(mod, { questionId: q.id, reason: "Posted twice by mistake" }, true);
  assert.equal(await findThread(q.id), null, "readers get no thread (a 404)");
  const seen = await findThread(q.id, { includeHidden: true });
  assert.ok(seen?.question.deletedAt, "moderators get it, marked deleted");
  assert.deepEqual(seen.answers.map((x) => x.id), [a.id]);
  await setQuestionDeleted(mod, { questionId: q.id }, false);
  assert.equal((await findThread(q.id))?.question.deletedAt, null);
  const told = await notices(asker.id);
  assert.equal(told.length, 2);
  assert.match(told[0]!.message, /deleted your question.*Reason: Posted twice by mistake/);
  assert.equal(told[0]!.questionId, q.id);
  assert.equal(told[0]!.actorId, mod.id);
  assert.match(told[1]!.message, /restored your question/);
  const audit = await db.auditLog.findFirst({ where: { action: "question.delete", targetId: q.id }, select: { reason: true } });
  assert.equal(audit?.reason, "Posted twice by mistake");
});

test("a moderator's deleted answer: kept for moderators only, its author told (not when they delete their own), told again on undelete", async () => {
  const asker = await member();
  const answerer = await member();
  const mod = await member("MODERATOR");
  const q = await askAs(asker, "How do I read a traceroute with asterisks?");
  const a = await answerAs(answerer, q.id);
  await deleteAnswer(mod, a.id, "Copied from another site without credit");
  assert.deepEqual((await findThread(q.id))!.answers, []);
  const modView = await findThread(q.id, { includeHidden: true });
  assert.ok(modView!.answers[0]?.deletedAt);
  await undeleteAnswer(mod, { answerId: a.id });
  const told = await notices(answerer.id);
  assert.deepEqual(told.map((n) => n.answerId), [a.id, a.id]);
  assert.match(told[0]!.message, /deleted your answer.*Reason: Copied from another site without credit/);
  assert.match(told[1]!.message, /restored your answer/);
  const own = await answerAs(answerer, (await askAs(asker, "What is a MAC address used for?")).id);
  await deleteAnswer(answerer, own.id);
  assert.equal((await notices(answerer.id)).length, 2, "deleting your own answer tells nobody");
});

test("spam flags that hide a post tell its author once; closing as a duplicate names the original", async () => {
  const asker = await member();
  const mod = await member("MODERATOR");
  const q = await askAs(asker, "Buy cheap routers here, best prices?");
  for (let i = 0; i < SPAM_FLAGS_TO_HIDE + 1; i++) await flagPost(await member(), { postType: "question", postId: q.id, reason: "SPAM" });
  const hidden = await notices(asker.id);
  assert.equal(hidden.length, 1, "once, when it became hidden");
  assert.match(hidden[0]!.message, /hidden from readers until a moderator reviews it.*Reason: 3 members flagged it as spam/);
  assert.equal(hidden[0]!.actorId, null, "the flaggers stay anonymous");

  const original = await askAs(await member(), "What does a router's NAT table hold?");
  const dup = await askAs(asker, "What is in the NAT table of a router?");
  await closeQuestion(mod, { questionId: dup.id, reason: "duplicate", duplicateOfId: String(original.id) });
  const closed = (await notices(asker.id)).at(-1)!;
  assert.equal(closed.questionId, dup.id);
  assert.match(closed.message, new RegExp(`closed your question.*Reason: it duplicates “What does a router's NAT table hold\\?” \\(#${original.id}\\)`));
});

test("a suspended member is told why and until when, sees it in their session, and hears when it is lifted", async () => {
  const mod = await member("MODERATOR");
  const target = await member();
  await suspendMember(mod, { userId: target.id, days: 3, reason: "Repeated spam links" });
  const told = await notices(target.id);
  assert.equal(told.length, 1);
  assert.match(told[0]!.message, /^Your account is suspended until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC: .*Reason: Repeated spam links$/);
  const row = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { sessionVersion: true } });
  const session = await findSessionMember(target.id, row.sessionVersion);
  assert.equal(session?.suspensionReason, "Repeated spam links");
  assert.ok(session?.suspendedUntil && session.suspendedUntil > new Date());
  await liftSuspension(mod, { userId: target.id });
  assert.match((await notices(target.id)).at(-1)!.message, /lifted your suspension/);
});
