/** An edit's optional summary, kept with its revision (lib/commands/edit-post.ts), on both databases. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { editAnswer, editQuestion } from "../../lib/commands/edit-post";
import { db } from "../../lib/db";
import { listRevisions } from "../../lib/data/post-editing";
import { limits } from "../../lib/rules";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member, someCategoryId } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

test("an edit's summary is kept with its revision, trimmed; none or blank is null", async () => {
  const asker = await member();
  const q = await askAs(asker);
  const input = { title: "How does TCP slow start grow its window?", body: "I read about congestion control and want to understand slow start well.", categoryId: await someCategoryId(), tags: "tcp" };
  await editQuestion(asker, q.id, { ...input, summary: "  Clarified the title  " });
  await editQuestion(asker, q.id, { ...input, body: `${input.body} More.`, summary: "   " });
  const revisions = await listRevisions({ questionId: q.id });
  assert.deepEqual(revisions.map((r) => r.summary), [null, "Clarified the title", null]);

  const a = await answerAs(await member(), q.id);
  const answerer = { ...(await db.user.findFirstOrThrow({ where: { answers: { some: { id: a.id } } }, select: { id: true, role: true, suspendedUntil: true, points: true } })) };
  await editAnswer(answerer, a.id, { body: "It doubles every round trip until it reaches ssthresh.", summary: "Named ssthresh" });
  assert.deepEqual((await listRevisions({ answerId: a.id })).map((r) => r.summary), [null, "Named ssthresh"]);
});

test("a summary too long or holding a NUL is refused and nothing changes", async () => {
  const m = await member();
  const q = await askAs(m);
  const a = await answerAs(m, q.id);
  await assert.rejects(editAnswer(m, a.id, { body: "A different answer body here.", summary: "x".repeat(limits.editSummaryMax + 1) }), (e: { fieldErrors?: Record<string, string[]> }) => {
    code("BAD_INPUT")(e);
    assert.match(e.fieldErrors?.summary?.[0] ?? "", /at most 300/);
    return true;
  });
  await assert.rejects(editAnswer(m, a.id, { body: "A different answer body here.", summary: "a\0b" }), code("BAD_INPUT"));
  assert.equal((await listRevisions({ answerId: a.id })).length, 1);
  // The database refuses it too, whatever writes it.
  await assert.rejects(db.revision.create({ data: { answerId: a.id, editorId: m.id, bodyMd: "x", summary: "" } }));
});
