import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Actor } from "../../lib/commands/guard";
import { addComment } from "../../lib/commands/comment";
import { createQuestion } from "../../lib/commands/create-question";
import { toggleFollow } from "../../lib/commands/follow";
import { markAllRead, markRead } from "../../lib/commands/notifications";
import { clearBestAnswer, selectBestAnswer } from "../../lib/commands/select-best-answer";
import { countUnread, listNotifications } from "../../lib/data/notifications";
import { isFollowing } from "../../lib/data/follows";
import { db } from "../../lib/db";
import { isUniqueViolation } from "../../lib/errors";
import { notifyPoints } from "../../lib/notifications";
import { findMentions, MAX_MENTIONS_PER_POST } from "../../lib/notifications/mentions";
import { closeTestDatabase, openTestDatabase, uniqueName } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

/** What a member has been told, oldest first, as "KIND" strings. */
async function kindsOf(userId: number): Promise<string[]> {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { kind: true } });
  return rows.map((r) => r.kind);
}

/** A category and tags nobody else uses, so follower counts are this test's alone. */
async function freshTopic() {
  const slug = uniqueName("cat");
  const category = await db.category.create({ data: { slug, name: slug }, select: { id: true } });
  return { categoryId: category.id, tag: uniqueName("t").toLowerCase() };
}

async function askIn(actor: Actor, topic: { categoryId: number; tag: string }, body = "Where does the time go in a TLS 1.3 handshake?") {
  return createQuestion(actor, { title: "How long does a TLS handshake take?", body, categoryId: topic.categoryId, tags: topic.tag });
}

describe("follows", () => {
  test("the asker follows their own question; follow and unfollow a tag or category", async () => {
    const asker = await member();
    const q = await askAs(asker);
    assert.equal(await isFollowing(asker.id, "question", q.id), true);
    const topic = await freshTopic();
    const tagQuestion = await askIn(asker, topic);
    const tagId = (await db.tag.findUniqueOrThrow({ where: { name: topic.tag }, select: { id: true } })).id;
    const fan = await member();
    assert.deepEqual(await toggleFollow(fan, { target: "tag", id: tagId }), { following: true });
    assert.equal(await isFollowing(fan.id, "tag", tagId), true);
    assert.deepEqual(await toggleFollow(fan, { target: "tag", id: tagId }), { following: false });
    assert.deepEqual(await toggleFollow(fan, { target: "category", id: topic.categoryId, follow: "1" }), { following: true });
    assert.deepEqual(await toggleFollow(fan, { target: "category", id: topic.categoryId, follow: "1" }), { following: true });
    assert.equal(await isFollowing(fan.id, "question", tagQuestion.id), false);
    await assert.rejects(toggleFollow(fan, { target: "question", id: 999_999_999 }), code("NOT_FOUND"));
    await assert.rejects(toggleFollow(fan, { target: "user", id: fan.id }), code("BAD_INPUT"));
    await assert.rejects(toggleFollow(null, { target: "tag", id: tagId }), code("UNAUTHENTICATED"));
  });

  test("simultaneous follow requests leave exactly one row", async () => {
    const q = await askAs(await member());
    const fan = await member();
    const results = await Promise.all(Array.from({ length: 6 }, () => toggleFollow(fan, { target: "question", id: q.id, follow: "1" })));
    assert.ok(results.every((r) => r.following));
    assert.equal(await db.follow.count({ where: { userId: fan.id, questionId: q.id } }), 1);
    // The key that decides the race, as the command sees it.
    await assert.rejects(db.follow.create({ data: { userId: fan.id, questionId: q.id } }), isUniqueViolation);
    const toggles = await Promise.allSettled([toggleFollow(fan, { target: "question", id: q.id }), toggleFollow(fan, { target: "question", id: q.id })]);
    assert.ok(toggles.every((t) => t.status === "fulfilled"));
    assert.ok((await db.follow.count({ where: { userId: fan.id, questionId: q.id } })) <= 1);
  });
});

describe("new posts", () => {
  test("a new answer notifies the asker and every follower once, never the actor", async () => {
    const topic = await freshTopic();
    const asker = await member();
    const q = await askIn(asker, topic);
    const tagId = (await db.tag.findUniqueOrThrow({ where: { name: topic.tag }, select: { id: true } })).id;
    const [questionFan, tagFan, categoryFan, everywhereFan, answerer] = await Promise.all([member(), member(), member(), member(), member()]);
    await toggleFollow(questionFan, { target: "question", id: q.id });
    await toggleFollow(tagFan, { target: "tag", id: tagId });
    await toggleFollow(categoryFan, { target: "category", id: topic.categoryId });
    for (const [target, id] of [["question", q.id], ["tag", tagId], ["category", topic.categoryId]] as const) {
      await toggleFollow(everywhereFan, { target, id });
      await toggleFollow(answerer, { target, id });
    }
    const a = await answerAs(answerer, q.id);
    for (const who of [asker, questionFan, tagFan, categoryFan, everywhereFan]) assert.deepEqual(await kindsOf(who.id), ["NEW_ANSWER"], who.username);
    assert.deepEqual(await kindsOf(answerer.id), []);
    const row = await db.notification.findFirstOrThrow({ where: { userId: asker.id }, select: { actorId: true, questionId: true, answerId: true, readAt: true } });
    assert.deepEqual(row, { actorId: answerer.id, questionId: q.id, answerId: a.id, readAt: null });

    await answerAs(asker, q.id, "The asker answers their own question too.");
    assert.deepEqual(await kindsOf(asker.id), ["NEW_ANSWER"]);
    assert.deepEqual(await kindsOf(answerer.id), ["NEW_ANSWER"]);
  });

  test("a new question notifies followers of its tags and category, not the asker", async () => {
    const topic = await freshTopic();
    const fan = await member();
    const asker = await member();
    await toggleFollow(fan, { target: "category", id: topic.categoryId });
    await toggleFollow(asker, { target: "category", id: topic.categoryId });
    const q = await askIn(asker, topic);
    assert.deepEqual(await kindsOf(fan.id), ["NEW_QUESTION"]);
    assert.deepEqual(await kindsOf(asker.id), []);
    assert.equal((await listNotifications(fan.id, 1)).notifications[0]?.question?.id, q.id);
  });
});

describe("mentions and comments", () => {
  test("finding mentions: names, not addresses or code; at most ten", () => {
    assert.deepEqual(findMentions("Ask @Alice and @bob_2, mail carol@example.org, see https://social.example/@frank, run `@decorator` please"), [["alice"], ["bob_2"]]);
    assert.deepEqual(findMentions("Thanks @dave."), [["dave.", "dave"]]);
    assert.deepEqual(findMentions("@ab is too short; @eve @EVE once"), [["eve"]]);
    const many = Array.from({ length: 15 }, (_, i) => `@user${i}`).join(" ");
    assert.equal(findMentions(many).length, MAX_MENTIONS_PER_POST);
  });

  test("a known @username is notified (any case); unknown names are ignored; never yourself", async () => {
    const mentioned = await member();
    const asker = await member();
    const q = await askAs(asker);
    const a = await answerAs(await member(), q.id, `As @${mentioned.username.toUpperCase()} said, and @nobody_${Date.now()} too.`);
    assert.deepEqual(await kindsOf(mentioned.id), ["MENTION"]);
    const row = await db.notification.findFirstOrThrow({ where: { userId: mentioned.id }, select: { answerId: true, questionId: true } });
    assert.deepEqual(row, { answerId: a.id, questionId: q.id });
    assert.equal(await db.notification.count({ where: { questionId: q.id } }), 2); // the asker's NEW_ANSWER and the mention

    await addComment(asker, { postType: "question", postId: q.id, body: `Note to self @${asker.username}` });
    assert.deepEqual(await kindsOf(asker.id), ["NEW_ANSWER"]);
  });

  test("a comment notifies the post's author once (a mention of them counts as that), not yourself", async () => {
    const asker = await member();
    const answerer = await member();
    const q = await askAs(asker);
    const a = await answerAs(answerer, q.id);
    const answererPlus = { ...answerer, points: 2 };
    await addComment(asker, { postType: "answer", postId: a.id, body: "Could you cite the RFC?" });
    assert.deepEqual(await kindsOf(answerer.id), ["NEW_COMMENT"]);
    await addComment(answererPlus, { postType: "question", postId: q.id, body: `@${asker.username} which OS?` });
    assert.deepEqual(await kindsOf(asker.id), ["NEW_ANSWER", "MENTION"]);
    await addComment(answererPlus, { postType: "question", postId: q.id, body: "And which version?" });
    assert.deepEqual(await kindsOf(asker.id), ["NEW_ANSWER", "MENTION", "NEW_COMMENT"]);
    await addComment(answererPlus, { postType: "answer", postId: a.id, body: "On my own answer." });
    assert.deepEqual(await kindsOf(answerer.id), ["NEW_COMMENT"]);
  });
});

describe("best answer and points", () => {
  test("picked and un-picked reach the answer's author; the asker's own answer makes none", async () => {
    const asker = await member();
    const [alice, bob] = [await member(), await member()];
    const q = await askAs(asker);
    const a1 = await answerAs(alice, q.id);
    const a2 = await answerAs(bob, q.id);
    const own = await answerAs(asker, q.id, "The asker's own answer, picked last.");
    await selectBestAnswer(asker, a1.id);
    await selectBestAnswer(asker, a2.id);
    await clearBestAnswer(asker, q.id);
    await selectBestAnswer(asker, own.id);
    await clearBestAnswer(asker, q.id);
    assert.deepEqual(await kindsOf(alice.id), ["BEST_ANSWER_PICKED", "BEST_ANSWER_UNPICKED"]);
    assert.deepEqual(await kindsOf(bob.id), ["BEST_ANSWER_PICKED", "BEST_ANSWER_UNPICKED"]);
    assert.deepEqual(await kindsOf(asker.id), ["NEW_ANSWER", "NEW_ANSWER"]);
  });

  test("notifyPoints writes a signed message, and nothing for a zero delta", async () => {
    const author = await member();
    await db.$transaction(async (tx) => {
      await notifyPoints(tx, { userId: author.id, delta: 5, reason: "Upvote on your answer" });
      await notifyPoints(tx, { userId: author.id, delta: 0, reason: "Nothing" });
      await notifyPoints(tx, { userId: author.id, delta: -1, reason: "Downvote" });
    });
    const rows = await db.notification.findMany({ where: { userId: author.id }, orderBy: { id: "asc" }, select: { kind: true, message: true } });
    assert.deepEqual(rows, [{ kind: "POINTS", message: "+5 Upvote on your answer" }, { kind: "POINTS", message: "-1 Downvote" }]);
  });
});

describe("the inbox", () => {
  test("mark read touches only your own notifications; mark all read clears your count", async () => {
    const asker = await member();
    const other = await member();
    const q1 = await askAs(asker);
    const q2 = await askAs(other);
    const answerer = await member();
    await answerAs(answerer, q1.id);
    await answerAs(answerer, q1.id, "A second answer to the same question.");
    await answerAs(answerer, q2.id);
    assert.equal(await countUnread(asker.id), 2);
    const [newest, older] = (await listNotifications(asker.id, 1)).notifications;
    assert.ok(newest && older && newest.id > older.id);
    assert.equal(newest.actor?.username, answerer.username);

    const othersRow = (await listNotifications(other.id, 1)).notifications[0]!;
    await assert.rejects(markRead(asker, { id: othersRow.id }), code("NOT_FOUND"));
    assert.equal(await countUnread(other.id), 1);
    await assert.rejects(markRead(null, { id: older.id }), code("UNAUTHENTICATED"));
    await assert.rejects(markRead(asker, { id: "x" }), code("BAD_INPUT"));

    await markRead(asker, { id: older.id });
    await markRead(asker, { id: older.id }); // again: already read, no error
    assert.equal(await countUnread(asker.id), 1);
    assert.deepEqual(await markAllRead(asker), { marked: 1 });
    assert.equal(await countUnread(asker.id), 0);
    assert.equal(await countUnread(other.id), 1);
    assert.ok((await listNotifications(asker.id, 1)).notifications.every((n) => n.readAt instanceof Date));
  });
});
