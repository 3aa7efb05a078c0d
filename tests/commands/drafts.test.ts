/**
 * Drafts (lib/commands/drafts.ts): one per member per answer box and one for the ask form, kept
 * as typed, refused when too long or unstorable, dropped by posting or discarding, and never
 * found for anyone else. On the embedded database and on PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { findSessionMember } from "../../lib/auth/session-member";
import { setQuestionDeleted } from "../../lib/commands/moderate-posts";
import { discardDraft, saveDraft } from "../../lib/commands/drafts";
import { db } from "../../lib/db";
import { findDraft } from "../../lib/data/drafts";
import { limits } from "../../lib/rules";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member, someCategoryId } from "../helpers/fixtures";
import { createQuestion } from "../../lib/commands/create-question";

before(openTestDatabase);
after(closeTestDatabase);

const countDrafts = (userId: number) => db.draft.count({ where: { userId } });

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("saving and finding drafts", () => {
  test("an answer box's draft is kept per member and question, replaced by the next save, found by no one else", async () => {
    const asker = await member();
    const writer = await member();
    const other = await member();
    const q = await askAs(asker);
    const q2 = await askAs(asker, "What does a TCP window scale option change?");
    assert.deepEqual(await saveDraft(writer, { questionId: q.id, body: "First  thoughts\n" }), { saved: true });
    assert.deepEqual(await saveDraft(writer, { questionId: q.id, body: "Second thoughts, kept as typed  \n" }), { saved: true });
    await saveDraft(writer, { questionId: q2.id, body: "Another thread" });
    assert.equal((await findDraft(writer.id, q.id))?.body, "Second thoughts, kept as typed  \n");
    assert.equal((await findDraft(writer.id, q2.id))?.body, "Another thread");
    assert.equal(await countDrafts(writer.id), 2);
    assert.equal(await findDraft(other.id, q.id), null, "another member sees nothing");
    assert.equal(await findDraft(writer.id, null), null, "an answer's draft is not the ask form's");
  });

  test("the ask form keeps one draft, with title and tags, by a JSON null or a form's empty field", async () => {
    const m = await member();
    await saveDraft(m, { questionId: null, title: "Why is UDP", tags: "udp", body: "" });
    await saveDraft(m, { title: "Why is UDP connectionless?", tags: "udp, transport", body: "Body so far" });
    assert.deepEqual(await findDraft(m.id, null), { title: "Why is UDP connectionless?", tags: "udp, transport", body: "Body so far" });
    assert.equal(await countDrafts(m.id), 1);
    // The database itself holds one ask draft per member (a partial unique index).
    await assert.rejects(db.draft.create({ data: { userId: m.id, questionId: null, bodyMd: "a second one" } }));
    await discardDraft(m, { questionId: "" });
    assert.equal(await findDraft(m.id, null), null);
  });

  test("an empty form drops the draft; Discard drops it; discarding nothing is fine", async () => {
    const m = await member();
    const q = await askAs(await member());
    await saveDraft(m, { questionId: q.id, body: "something" });
    assert.deepEqual(await saveDraft(m, { questionId: q.id, body: "  \n " }), { saved: false });
    assert.equal(await findDraft(m.id, q.id), null);
    await saveDraft(m, { questionId: q.id, body: "again" });
    assert.deepEqual(await discardDraft(m, { questionId: String(q.id) }), { questionId: q.id });
    assert.equal(await findDraft(m.id, q.id), null);
    await discardDraft(m, { questionId: q.id });
  });

  test("the member kept in memory knows how many drafts they keep", async () => {
    const m = await member();
    const q = await askAs(await member());
    assert.equal((await findSessionMember(m.id, 0))?.drafts, 0);
    await saveDraft(m, { questionId: q.id, body: "kept" });
    assert.equal((await eventually(() => findSessionMember(m.id, 0), (v) => v?.drafts === 1))?.drafts, 1);
    await discardDraft(m, { questionId: q.id });
    assert.equal((await eventually(() => findSessionMember(m.id, 0), (v) => v?.drafts === 0))?.drafts, 0);
  });
});

describe("refusals leave nothing", () => {
  test("signed out, suspended, too long, NUL, a bad or removed question", async () => {
    const m = await member();
    const q = await askAs(await member());
    await assert.rejects(saveDraft(null, { questionId: q.id, body: "x" }), code("UNAUTHENTICATED"));
    await assert.rejects(discardDraft(null, { questionId: q.id }), code("UNAUTHENTICATED"));
    const suspended = await member("MEMBER", { suspendedUntil: new Date(Date.now() + 3_600_000) });
    await assert.rejects(saveDraft(suspended, { questionId: q.id, body: "x" }), code("FORBIDDEN"));
    await assert.rejects(saveDraft(m, { questionId: q.id, body: "x".repeat(limits.bodyMax + 1) }), code("BAD_INPUT"));
    await assert.rejects(saveDraft(m, { title: "t".repeat(limits.titleMax + 1) }), code("BAD_INPUT"));
    await assert.rejects(saveDraft(m, { questionId: q.id, body: "a\0b" }), code("BAD_INPUT", /correct/));
    await assert.rejects(saveDraft(m, { questionId: "abc", body: "x" }), code("BAD_INPUT"));
    await assert.rejects(saveDraft(m, { questionId: 2 ** 31 - 1, body: "x" }), code("NOT_FOUND"));
    const moderator = await member("MODERATOR");
    await setQuestionDeleted(moderator, { questionId: String(q.id) }, true);
    await assert.rejects(saveDraft(m, { questionId: q.id, body: "x" }), code("NOT_FOUND"));
    assert.equal(await countDrafts(m.id), 0);
    assert.equal(await countDrafts(suspended.id), 0);
    // A body exactly at the limit is kept.
    const q2 = await askAs(await member());
    assert.deepEqual(await saveDraft(m, { questionId: q2.id, body: "y".repeat(limits.bodyMax) }), { saved: true });
  });
});

describe("posting clears the draft it came from", () => {
  test("an answer clears its author's draft for that question only", async () => {
    const writer = await member();
    const bystander = await member();
    const q = await askAs(await member());
    const q2 = await askAs(await member(), "Is BGP a distance-vector protocol?");
    await saveDraft(writer, { questionId: q.id, body: "It doubles every round trip until ssthresh." });
    await saveDraft(writer, { questionId: q2.id, body: "path vector" });
    await saveDraft(bystander, { questionId: q.id, body: "mine" });
    await answerAs(writer, q.id);
    assert.equal(await findDraft(writer.id, q.id), null);
    assert.equal((await findDraft(writer.id, q2.id))?.body, "path vector");
    assert.equal((await findDraft(bystander.id, q.id))?.body, "mine");
  });

  test("a question clears the ask form's draft; a refused one keeps it", async () => {
    const m = await member();
    await saveDraft(m, { title: "Draft title", body: "draft body" });
    await assert.rejects(createQuestion(m, { title: "Too", body: "short", categoryId: await someCategoryId(), tags: "" }), code("BAD_INPUT"));
    assert.equal((await findDraft(m.id, null))?.title, "Draft title");
    await askAs(m);
    assert.equal(await findDraft(m.id, null), null);
  });
});
