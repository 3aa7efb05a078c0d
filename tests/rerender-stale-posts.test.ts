import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { addComment } from "../lib/commands/comment";
import { db } from "../lib/db";
import { MARKDOWN_PIPELINE_VERSION } from "../lib/markdown/pipeline";
import { rerenderStalePosts } from "../lib/rerender-stale-posts";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { answerAs, askAs, member } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

test("posts rendered by an older pipeline are rendered again; current ones are left alone", async () => {
  const asker = await member("ADMIN"); // may comment anywhere
  const q = await askAs(asker);
  const a = await answerAs(await member(), q.id, "Use **TCP** here.");
  const c = await addComment(asker, { postType: "answer", postId: a.id, body: "Why *not* UDP?" });
  const fresh = await askAs(asker, "Is this render already current?");
  const before = await db.question.findUniqueOrThrow({ where: { id: fresh.id }, select: { bodyHtml: true } });

  // As an older pipeline would have left them.
  const old = { bodyHtml: "<p>old render</p>", renderVersion: MARKDOWN_PIPELINE_VERSION - 1 };
  await db.question.update({ where: { id: q.id }, data: { ...old, excerpt: "old" } });
  await db.answer.update({ where: { id: a.id }, data: old });
  await db.comment.update({ where: { id: c.id }, data: old });
  await db.question.update({ where: { id: fresh.id }, data: { bodyHtml: "<p>current, do not touch</p>" } });

  const redone = await rerenderStalePosts();
  assert.ok(redone.questions >= 1 && redone.answers >= 1 && redone.comments >= 1, JSON.stringify(redone));
  const question = await db.question.findUniqueOrThrow({ where: { id: q.id }, select: { bodyHtml: true, excerpt: true, renderVersion: true } });
  assert.match(question.bodyHtml, /congestion control/);
  assert.match(question.excerpt, /congestion control/);
  assert.equal(question.renderVersion, MARKDOWN_PIPELINE_VERSION);
  const answer = await db.answer.findUniqueOrThrow({ where: { id: a.id }, select: { bodyHtml: true, renderVersion: true } });
  assert.equal(answer.bodyHtml, "<p>Use <strong>TCP</strong> here.</p>");
  assert.equal(answer.renderVersion, MARKDOWN_PIPELINE_VERSION);
  const comment = await db.comment.findUniqueOrThrow({ where: { id: c.id }, select: { bodyHtml: true, renderVersion: true } });
  assert.equal(comment.bodyHtml, "<p>Why <em>not</em> UDP?</p>");
  assert.equal((await db.question.findUniqueOrThrow({ where: { id: fresh.id }, select: { bodyHtml: true } })).bodyHtml, "<p>current, do not touch</p>");
  assert.notEqual(before.bodyHtml, "<p>current, do not touch</p>");

  // Nothing is left for a second pass.
  assert.deepEqual(await rerenderStalePosts(), { questions: 0, answers: 0, comments: 0 });
});
