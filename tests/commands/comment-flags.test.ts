import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addComment, deleteComment } from "../../lib/commands/comment";
import { flagPost, handleFlag, SPAM_FLAGS_TO_HIDE } from "../../lib/commands/flags";
import { listCommentsForThread } from "../../lib/data/comments";
import { listOpenFlags } from "../../lib/data/moderation";
import { db } from "../../lib/db";
import { getCachedPage, questionTag, storeCachedPage, cacheEpoch } from "../../lib/page-cache";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

/** A question with a comment by its asker (who needs no points to comment there). */
async function commentedThread() {
  const asker = await member();
  const q = await askAs(asker);
  const c = await addComment(asker, { postType: "question", postId: q.id, body: "Buy cheap routers at example dot com" });
  return { asker, q, c };
}

const flag = (commentId: number, reason = "SPAM", note?: string) => ({ postType: "comment", postId: commentId, reason, ...(note === undefined ? {} : { note }) });
const hiddenAt = async (id: number) => (await db.comment.findUniqueOrThrow({ where: { id }, select: { hiddenAt: true } })).hiddenAt;
const flaggers = (n: number) => Promise.all(Array.from({ length: n }, () => member()));

describe("flagging a comment", () => {
  test("a member flags a comment with a reason and a note; the thread's cached page is dropped", async () => {
    const { q, c } = await commentedThread();
    const reader = await member();
    const key = `/questions/${q.id}/test`;
    storeCachedPage(key, { status: 200, headers: {}, body: Buffer.from(""), tags: [questionTag(q.id)], storedAt: Date.now() }, cacheEpoch());
    assert.ok(getCachedPage(key));
    const done = await flagPost(reader, flag(c.id, "OFFENSIVE", "  rude to the asker  "));
    assert.deepEqual(done, { questionId: q.id });
    const stored = await db.flag.findFirstOrThrow({ where: { commentId: c.id }, select: { reporterId: true, reason: true, note: true, status: true, questionId: true, answerId: true } });
    assert.deepEqual(stored, { reporterId: reader.id, reason: "OFFENSIVE", note: "rude to the asker", status: "OPEN", questionId: null, answerId: null });
    assert.equal(getCachedPage(key), undefined);
    assert.equal(await hiddenAt(c.id), null);
  });

  test("comments under answers can be flagged too", async () => {
    const answerer = await member();
    const q = await askAs(await member());
    const a = await answerAs(answerer, q.id);
    const c = await addComment(answerer, { postType: "answer", postId: a.id, body: "Edit: see RFC 5681." });
    assert.deepEqual(await flagPost(await member(), flag(c.id, "NEEDS_ATTENTION")), { questionId: q.id });
  });

  test("your own comment is refused", async () => {
    const { asker, c } = await commentedThread();
    await assert.rejects(flagPost(asker, flag(c.id)), code("BAD_INPUT", /your own comment/));
    assert.equal(await db.flag.count({ where: { commentId: c.id } }), 0);
  });

  test("a second flag by the same member is refused, whatever its reason", async () => {
    const { c } = await commentedThread();
    const reader = await member();
    await flagPost(reader, flag(c.id));
    await assert.rejects(flagPost(reader, flag(c.id, "OFFENSIVE")), code("CONFLICT", /already flagged this comment/));
    assert.equal(await db.flag.count({ where: { commentId: c.id } }), 1);
  });

  test("visitors and suspended members are refused", async () => {
    const { c } = await commentedThread();
    const suspended = await member("MEMBER", { suspendedUntil: new Date(Date.now() + 86_400_000) });
    await assert.rejects(flagPost(null, flag(c.id)), code("UNAUTHENTICATED"));
    await assert.rejects(flagPost(suspended, flag(c.id)), code("FORBIDDEN", /suspended/));
    assert.equal(await db.flag.count({ where: { commentId: c.id } }), 0);
  });

  test("deleted and missing comments are not found; bad reasons and long notes are refused", async () => {
    const { asker, c } = await commentedThread();
    const reader = await member();
    await assert.rejects(flagPost(reader, flag(c.id, "BORING")), code("BAD_INPUT"));
    await assert.rejects(flagPost(reader, flag(c.id, "SPAM", "x".repeat(501))), code("BAD_INPUT"));
    await deleteComment(asker, { commentId: c.id });
    await assert.rejects(flagPost(reader, flag(c.id)), code("NOT_FOUND", /comment/));
    await assert.rejects(flagPost(reader, flag(2 ** 31 - 1)), code("NOT_FOUND"));
    assert.equal(await db.flag.count({ where: { commentId: c.id } }), 0);
  });
});

describe("hiding", () => {
  test(`${SPAM_FLAGS_TO_HIDE} spam flags from distinct members hide it from readers; moderators still see it, marked`, async () => {
    const { q, c } = await commentedThread();
    const members = await flaggers(SPAM_FLAGS_TO_HIDE);
    for (const m of members.slice(0, -1)) await flagPost(m, flag(c.id));
    await flagPost(await member(), flag(c.id, "OFFENSIVE"));
    assert.equal(await hiddenAt(c.id), null, "other reasons do not count towards hiding");
    await flagPost(members.at(-1)!, flag(c.id));
    assert.ok(await hiddenAt(c.id));
    assert.deepEqual((await listCommentsForThread(q.id, [])).question, []);
    const forModerators = (await listCommentsForThread(q.id, [], { includeHidden: true })).question;
    assert.deepEqual(forModerators.map((v) => [v.id, v.hiddenAt !== null]), [[c.id, true]]);
  });

  test("spam flags arriving at once still hide it", async () => {
    const { c } = await commentedThread();
    const members = await flaggers(SPAM_FLAGS_TO_HIDE);
    await Promise.all(members.map((m) => flagPost(m, flag(c.id))));
    assert.ok(await hiddenAt(c.id));
  });
});

describe("handling", () => {
  test("the queue shows a comment's flags together, with counts, reasons and notes", async () => {
    const { asker, q, c } = await commentedThread();
    const [a, b] = await flaggers(2);
    await flagPost(a!, flag(c.id, "SPAM", "a shop link"));
    await flagPost(b!, flag(c.id, "OFFENSIVE"));
    const item = (await listOpenFlags()).find((i) => i.comment?.id === c.id);
    assert.ok(item);
    assert.deepEqual(item.counts, { SPAM: 1, OFFENSIVE: 1 });
    assert.deepEqual(item.flags.map((f) => [f.reporter.username, f.note]), [[a!.username, "a shop link"], [b!.username, ""]]);
    assert.equal(item.comment?.author.username, asker.username);
    assert.equal(item.comment?.question?.id, q.id);
    assert.match(item.comment?.bodyHtml ?? "", /Buy cheap routers/);
  });

  test("a moderator's dismissal settles every open flag, shows the comment again and tells each flagger", async () => {
    const answerer = await member();
    const mod = await member("MODERATOR");
    const q = await askAs(await member());
    const a = await answerAs(answerer, q.id);
    const c = await addComment(answerer, { postType: "answer", postId: a.id, body: "Visit my shop for cables" });
    const members = await flaggers(SPAM_FLAGS_TO_HIDE);
    for (const m of members) await flagPost(m, flag(c.id));
    assert.ok(await hiddenAt(c.id));
    const latest = await db.flag.findFirstOrThrow({ where: { commentId: c.id }, orderBy: { id: "desc" } });
    await handleFlag(mod, { flagId: latest.id, outcome: "DISMISSED" });
    assert.equal(await hiddenAt(c.id), null);
    assert.equal(await db.flag.count({ where: { commentId: c.id, status: "DISMISSED", handledById: mod.id } }), SPAM_FLAGS_TO_HIDE);
    const notes = await db.notification.findMany({
      where: { userId: { in: members.map((m) => m.id) }, kind: "FLAG_HANDLED" },
      select: { actorId: true, questionId: true, answerId: true, commentId: true, message: true },
    });
    assert.equal(notes.length, SPAM_FLAGS_TO_HIDE);
    for (const n of notes) assert.deepEqual(n, { actorId: mod.id, questionId: q.id, answerId: a.id, commentId: c.id, message: "A moderator reviewed your flag and found nothing to act on." });
    assert.equal(await db.auditLog.count({ where: { action: "flag.dismissed", targetId: latest.id } }), 1);
    await assert.rejects(handleFlag(mod, { flagId: latest.id, outcome: "ACTED" }), code("CONFLICT"));
  });

  test("acting leaves a hidden comment hidden, and a later flag opens a new review", async () => {
    const { c } = await commentedThread();
    const mod = await member("MODERATOR");
    const members = await flaggers(SPAM_FLAGS_TO_HIDE);
    for (const m of members) await flagPost(m, flag(c.id));
    const one = await db.flag.findFirstOrThrow({ where: { commentId: c.id } });
    await handleFlag(mod, { flagId: one.id, outcome: "ACTED" });
    assert.ok(await hiddenAt(c.id));
    assert.equal(await db.notification.count({ where: { userId: members[0]!.id, kind: "FLAG_HANDLED", commentId: c.id, message: { startsWith: "A moderator acted" } } }), 1);
    await flagPost(await member(), flag(c.id, "NEEDS_ATTENTION"));
    assert.equal(await db.flag.count({ where: { commentId: c.id, status: "OPEN" } }), 1);
  });

  test("only moderators handle flags", async () => {
    const { asker, c } = await commentedThread();
    await flagPost(await member(), flag(c.id));
    const open = await db.flag.findFirstOrThrow({ where: { commentId: c.id } });
    await assert.rejects(handleFlag(null, { flagId: open.id, outcome: "DISMISSED" }), code("UNAUTHENTICATED"));
    await assert.rejects(handleFlag(await member(), { flagId: open.id, outcome: "DISMISSED" }), code("FORBIDDEN"));
    await assert.rejects(handleFlag(asker, { flagId: open.id, outcome: "ACTED" }), code("FORBIDDEN"));
    const suspendedMod = await member("MODERATOR", { suspendedUntil: new Date(Date.now() + 86_400_000) });
    await assert.rejects(handleFlag(suspendedMod, { flagId: open.id, outcome: "ACTED" }), code("FORBIDDEN"));
    assert.equal((await db.flag.findUniqueOrThrow({ where: { id: open.id }, select: { status: true } })).status, "OPEN");
  });
});
