import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addComment, deleteComment, editComment } from "../../lib/commands/comment";
import { deleteAnswer } from "../../lib/commands/delete-answer";
import { commentRules } from "../../lib/comment-rules";
import { listCommentsForThread } from "../../lib/data/comments";
import { db } from "../../lib/db";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, member } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

/** A question by one member with an answer by another (who now has the +2 answer points). */
async function thread() {
  const asker = await member();
  const answerer = await member();
  const q = await askAs(asker);
  const a = await answerAs(answerer, q.id);
  return { asker, answerer: { ...answerer, points: 2 }, q, a };
}

const onQuestion = (id: number, body: string) => ({ postType: "question", postId: id, body });
const stored = (id: number) => db.comment.findUniqueOrThrow({ where: { id }, select: { bodyMd: true, bodyHtml: true, deletedAt: true, createdAt: true, updatedAt: true } });

describe("who may comment", () => {
  test("on your own post, or an answer to your own question, with no points at all", async () => {
    const { asker, answerer, q, a } = await thread();
    assert.equal(asker.points, 0);
    await addComment(asker, onQuestion(q.id, "Clarifying: I mean Reno, not Cubic."));
    await addComment(asker, { postType: "answer", postId: a.id, body: "Thanks, that helps." });
    const ownAnswer = await answerAs(asker, q.id, "Answering my own question with more detail.");
    const newcomer = await member();
    const theirs = await askAs(newcomer, "A question by a newcomer with no points");
    await addComment(newcomer, onQuestion(theirs.id, "Adding context to my own question."));
    await assert.rejects(addComment(newcomer, { postType: "answer", postId: ownAnswer.id, body: "Nice." }), code("FORBIDDEN", /2 points/));
    await addComment(answerer, { postType: "answer", postId: a.id, body: "Edit: also see RFC 5681." });
  });

  test("elsewhere it takes the commentEverywhere privilege; moderators always may", async () => {
    const { answerer, q } = await thread();
    const newcomer = await member();
    await assert.rejects(addComment(newcomer, onQuestion(q.id, "Me too!")), code("FORBIDDEN", /You need 2 points to comment/));
    await addComment(answerer, onQuestion(q.id, "Which kernel version?"));
    await addComment(await member("MODERATOR"), onQuestion(q.id, "Please add your OS."));
    await addComment(await member("ADMIN"), onQuestion(q.id, "Admins may comment too."));
    const { question } = await listCommentsForThread(q.id, []);
    assert.equal(question.length, 3);
  });

  test("signed-out and suspended members cannot comment", async () => {
    const { q } = await thread();
    const suspended = await member("MODERATOR", { suspendedUntil: new Date(Date.now() + 86_400_000) });
    await assert.rejects(addComment(null, onQuestion(q.id, "hello there")), code("UNAUTHENTICATED"));
    await assert.rejects(addComment(suspended, onQuestion(q.id, "hello there")), code("FORBIDDEN", /suspended/));
  });

  test("missing or deleted posts are not found; bad input is refused and stores nothing", async () => {
    const { asker, answerer, q, a } = await thread();
    const mine = { where: { authorId: asker.id } };
    const before = await db.comment.count(mine);
    await assert.rejects(addComment(asker, onQuestion(999_999_999, "hello there")), code("NOT_FOUND"));
    await assert.rejects(addComment(asker, { postType: "answer", postId: 999_999_999, body: "hello there" }), code("NOT_FOUND"));
    await deleteAnswer(answerer, a.id);
    await assert.rejects(addComment(asker, { postType: "answer", postId: a.id, body: "hello there" }), code("NOT_FOUND"));
    await assert.rejects(addComment(asker, { postType: "user", postId: q.id, body: "hello there" }), code("BAD_INPUT"));
    await assert.rejects(addComment(asker, onQuestion(q.id, " x ")), code("BAD_INPUT"));
    await assert.rejects(addComment(asker, onQuestion(q.id, "y".repeat(commentRules.commentMax + 1))), code("BAD_INPUT"));
    await assert.rejects(addComment(asker, onQuestion(q.id, "<script>alert(1)</script>")), code("BAD_INPUT"));
    await assert.rejects(addComment(asker, { postType: "question", postId: "1 or 1=1", body: "hello there" }), code("BAD_INPUT"));
    assert.equal(await db.comment.count(mine), before);
  });

  test("a locked thread refuses new comments and edits, with a clear message", async () => {
    const { asker, answerer, q, a } = await thread();
    const c = await addComment(answerer, onQuestion(q.id, "Posted before the lock."));
    await db.question.update({ where: { id: q.id }, data: { lockedAt: new Date() } });
    await assert.rejects(addComment(asker, onQuestion(q.id, "After the lock.")), code("FORBIDDEN", /locked/));
    await assert.rejects(addComment(asker, { postType: "answer", postId: a.id, body: "After the lock." }), code("FORBIDDEN", /locked/));
    await assert.rejects(editComment(answerer, { commentId: c.id, body: "Changed after the lock." }), code("FORBIDDEN", /locked/));
    await assert.rejects(deleteComment(answerer, { commentId: c.id }), code("FORBIDDEN", /locked/));
    await deleteComment(await member("MODERATOR"), { commentId: c.id });
  });
});

describe("the comment Markdown subset", () => {
  test("inline code, emphasis and links survive; a heading becomes plain text; a script never survives", async () => {
    const { asker, q } = await thread();
    const c1 = await addComment(asker, onQuestion(q.id, "Use `ss -ti` and *see* [the docs](https://example.org)."));
    const html1 = (await stored(c1.id)).bodyHtml;
    assert.match(html1, /<code>ss -ti<\/code>/);
    assert.match(html1, /<em>see<\/em>/);
    assert.match(html1, /<a href="https:\/\/example.org" rel="nofollow ugc noopener">the docs<\/a>/);

    const c2 = await addComment(asker, onQuestion(q.id, "# Big heading\n\nhi <script>alert(1)</script> <img src=x onerror=alert(1)> there"));
    const html2 = (await stored(c2.id)).bodyHtml;
    assert.doesNotMatch(html2, /<h1|<script|onerror|<img/i);
    assert.match(html2, /Big heading/);
    assert.match(html2, /<p>hi .*there<\/p>/); // the tags go; what stays is inert text

    const c3 = await addComment(asker, onQuestion(q.id, "[click](javascript:alert(1)) me"));
    assert.doesNotMatch((await stored(c3.id)).bodyHtml, /javascript:/);
  });
});

describe("editing and deleting", () => {
  test("authors edit within the window; nobody else may; after the window it stands", async () => {
    const { asker, answerer, q } = await thread();
    const c = await addComment(answerer, onQuestion(q.id, "Which versoin?"));
    const edited = await editComment(answerer, { commentId: c.id, body: "Which **version**?" });
    assert.equal(edited.id, c.id);
    const after = await stored(c.id);
    assert.match(after.bodyHtml, /<strong>version<\/strong>/);
    assert.ok(after.updatedAt > after.createdAt);
    await assert.rejects(editComment(asker, { commentId: c.id, body: "Hijacked text" }), code("FORBIDDEN"));
    await assert.rejects(editComment(await member("MODERATOR"), { commentId: c.id, body: "Moderated text" }), code("FORBIDDEN"));
    await assert.rejects(editComment(answerer, { commentId: c.id, body: "x" }), code("BAD_INPUT"));

    await db.comment.update({ where: { id: c.id }, data: { createdAt: new Date(Date.now() - commentRules.commentEditWindowMs - 1000) } });
    await assert.rejects(editComment(answerer, { commentId: c.id, body: "Too late to change" }), code("FORBIDDEN", /5 minutes/));
    assert.equal((await stored(c.id)).bodyMd, "Which **version**?");
  });

  test("authors and moderators delete; others cannot; the row stays, hidden from the thread", async () => {
    const { asker, answerer, q, a } = await thread();
    const c1 = await addComment(answerer, onQuestion(q.id, "First comment here."));
    const c2 = await addComment(asker, { postType: "answer", postId: a.id, body: "Second comment here." });
    await assert.rejects(deleteComment(asker, { commentId: c1.id }), code("FORBIDDEN"));
    await deleteComment(answerer, { commentId: c1.id });
    const moderator = await member("MODERATOR");
    await deleteComment(moderator, { commentId: c2.id });
    for (const id of [c1.id, c2.id]) assert.ok((await stored(id)).deletedAt instanceof Date);
    // The moderator's removal is in the audit log; the author's own is not a moderator action.
    const trail = await db.auditLog.findMany({ where: { targetType: "comment", targetId: { in: [c1.id, c2.id] } }, select: { actorId: true, action: true, targetId: true } });
    assert.deepEqual(trail, [{ actorId: moderator.id, action: "comment.delete", targetId: c2.id }]);
    await assert.rejects(deleteComment(answerer, { commentId: c1.id }), code("NOT_FOUND"));
    await assert.rejects(editComment(answerer, { commentId: c1.id, body: "Editing a deleted one" }), code("NOT_FOUND"));
    const listed = await listCommentsForThread(q.id, [a.id]);
    assert.deepEqual(listed, { question: [], answers: {} });
  });
});

describe("listing", () => {
  test("comments come grouped by post, oldest first, with their authors", async () => {
    const { asker, answerer, q, a } = await thread();
    const other = await answerAs(answerer, q.id, "A second answer without comments.");
    const c1 = await addComment(asker, onQuestion(q.id, "On the question, first."));
    const c2 = await addComment(answerer, { postType: "answer", postId: a.id, body: "On the answer." });
    const c3 = await addComment(answerer, onQuestion(q.id, "On the question, second."));
    const listed = await listCommentsForThread(q.id, [a.id, other.id]);
    assert.deepEqual(listed.question.map((c) => c.id), [c1.id, c3.id]);
    assert.deepEqual(listed.answers[a.id]?.map((c) => c.id), [c2.id]);
    assert.equal(listed.answers[other.id], undefined);
    const first = listed.question[0]!;
    assert.equal(first.author.username, asker.username);
    assert.equal(first.authorId, asker.id);
    assert.ok(first.createdAt instanceof Date && first.updatedAt instanceof Date);
    assert.match(first.bodyHtml, /^<p>On the question, first.<\/p>$/);
  });
});
