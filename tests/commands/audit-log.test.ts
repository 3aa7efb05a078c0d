/** A moderator's best-answer pick is audited, and the log's entries resolve to names, not numbers. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { suspendMember } from "../../lib/commands/members";
import { clearBestAnswer, selectBestAnswer } from "../../lib/commands/select-best-answer";
import { loadAuditTargets } from "../../lib/data/audit-log";
import { listAuditLog } from "../../lib/data/moderation";
import { db } from "../../lib/db";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { answerAs, askAs, member } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

test("a moderator's pick and clearing are in the audit log; the asker's own are not", async () => {
  const asker = await member();
  const answerer = await member();
  const mod = await member("MODERATOR");
  const q = await askAs(asker, "What is the difference between a hub and a switch?");
  const a = await answerAs(answerer, q.id);
  await selectBestAnswer(asker, a.id);
  await clearBestAnswer(asker, q.id);
  assert.equal(await db.auditLog.count({ where: { actorId: asker.id } }), 0);
  await selectBestAnswer(mod, a.id);
  await clearBestAnswer(mod, q.id);
  const entries = await db.auditLog.findMany({ where: { actorId: mod.id }, orderBy: { id: "asc" }, select: { action: true, targetType: true, targetId: true, before: true, after: true } });
  assert.deepEqual(entries, [
    { action: "answer.pick", targetType: "answer", targetId: a.id, before: { questionId: q.id, bestAnswerId: null }, after: { questionId: q.id, bestAnswerId: a.id } },
    { action: "answer.unpick", targetType: "question", targetId: q.id, before: { questionId: q.id, bestAnswerId: a.id }, after: { questionId: q.id, bestAnswerId: null } },
  ]);
});

test("the log's entries come with the names and addresses of what they touched", async () => {
  const mod = await member("MODERATOR");
  const target = await member();
  const q = await askAs(await member(), "Why is my ARP cache full of incomplete entries?");
  const a = await answerAs(target, q.id);
  await selectBestAnswer(mod, a.id);
  await suspendMember(mod, { userId: target.id, days: 1, reason: "testing the log" });
  const entries = (await listAuditLog()).filter((e) => e.actor.username === mod.username);
  const targets = await loadAuditTargets(entries);
  assert.equal(targets.members.get(target.id), target.username);
  assert.equal(targets.answers.get(a.id)?.author, target.username);
  assert.equal(targets.answers.get(a.id)?.question.title, "Why is my ARP cache full of incomplete entries?");
  assert.equal(targets.questions.get(q.id)?.slug, q.slug);
});
