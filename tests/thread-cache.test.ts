import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createCategory, renameCategory } from "../lib/commands/categories";
import { addComment } from "../lib/commands/comment";
import { toggleFollow } from "../lib/commands/follow";
import { castVote } from "../lib/commands/vote";
import { db } from "../lib/db";
import { loadPublicThread } from "../lib/data/thread-cache";
import { myThreadState } from "../lib/data/votes";
import { invalidateQuestion } from "../lib/page-cache";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { answerAs, askAs, member } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

test("a thread's shared data is read once, and every write to the thread drops it", async () => {
  const asker = await member();
  const q = await askAs(asker);
  const first = await loadPublicThread(q.id, "votes");
  assert.equal(first?.thread.answers.length, 0);
  assert.equal(await loadPublicThread(q.id, "votes"), first, "the second read comes from memory");

  const a = await answerAs(await member(), q.id, "Slow start doubles the window each round trip.");
  const afterAnswer = await loadPublicThread(q.id, "votes");
  assert.deepEqual(afterAnswer?.thread.answers.map((x) => x.id), [a.id]);

  await addComment(asker, { postType: "answer", postId: a.id, body: "Until the first loss, then?" });
  const afterComment = await loadPublicThread(q.id, "votes");
  assert.equal(afterComment?.comments.answers[a.id]?.length, 1);

  await castVote(await member("MODERATOR"), { postType: "answer", postId: a.id, direction: "up" });
  assert.equal((await loadPublicThread(q.id, "votes"))?.thread.answers[0]?.score, 1);
  // The other order is its own entry, dropped by the same writes.
  assert.equal((await loadPublicThread(q.id, "newest"))?.thread.answers[0]?.score, 1);
});

test("a read that overlaps a write is not kept", async () => {
  const q = await askAs(await member());
  const reading = loadPublicThread(q.id, "votes");
  // A write commits and invalidates while the read is still in flight.
  await db.question.update({ where: { id: q.id }, data: { title: "How does TCP slow start really grow the window?" } });
  invalidateQuestion(q.id);
  const stale = await reading;
  const next = await loadPublicThread(q.id, "votes");
  assert.notEqual(next, stale, "the overlapping read was not stored");
  assert.equal(next?.thread.question.title, "How does TCP slow start really grow the window?");
});

test("moderators' view (hidden posts included) is kept apart from everyone else's, and dropped by the same writes", async () => {
  const q = await askAs(await member());
  const hidden = await answerAs(await member(), q.id, "An answer spam flags have hidden from readers.");
  await db.answer.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
  invalidateQuestion(q.id);
  const one = await loadPublicThread(q.id, "votes", { includeHidden: true });
  const two = await loadPublicThread(q.id, "votes", { includeHidden: true });
  assert.equal(one, two, "the second read comes from memory");
  const everyone = await loadPublicThread(q.id, "votes");
  assert.deepEqual(one!.thread.answers.map((a) => a.id), [hidden.id]);
  assert.deepEqual(everyone!.thread.answers, []);
  invalidateQuestion(q.id);
  assert.notEqual(await loadPublicThread(q.id, "votes", { includeHidden: true }), one);
});

test("renaming a category drops every cached thread (threads show its name)", async () => {
  const admin = await member("ADMIN");
  const q = await askAs(await member());
  const name = `Cache test ${Date.now()}`;
  await createCategory(admin, { name });
  const category = await db.category.findFirstOrThrow({ where: { name }, select: { id: true } });
  await db.question.update({ where: { id: q.id }, data: { categoryId: category.id } });
  invalidateQuestion(q.id);
  assert.equal((await loadPublicThread(q.id, "votes"))?.thread.question.category.name, name);
  await renameCategory(admin, { categoryId: category.id, name: `${name} renamed` });
  assert.equal((await loadPublicThread(q.id, "votes"))?.thread.question.category.name, `${name} renamed`);
});

test("members' votes and follows come with the shared data, and following or unfollowing drops it", async () => {
  const q = await askAs(await member());
  const reader = await member();
  const before = await loadPublicThread(q.id, "votes");
  assert.equal(myThreadState(before!.marks, reader.id).following, false);
  await toggleFollow(reader, { target: "question", id: q.id, follow: "1" });
  const following = await loadPublicThread(q.id, "votes");
  assert.notEqual(following, before, "the follow dropped the shared data");
  assert.equal(myThreadState(following!.marks, reader.id).following, true);
  await toggleFollow(reader, { target: "question", id: q.id, follow: "0" });
  assert.equal(myThreadState((await loadPublicThread(q.id, "votes"))!.marks, reader.id).following, false);
});
