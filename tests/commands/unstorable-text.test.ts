/**
 * Text the database cannot store as written (a NUL, half a surrogate pair) is refused with a
 * message for its field, in every field a member or admin writes, and nothing is stored. Before,
 * a NUL reached PostgreSQL, which refused the statement: a 500.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createCategory } from "../../lib/commands/categories";
import { addComment } from "../../lib/commands/comment";
import { createAnswer } from "../../lib/commands/create-answer";
import { createQuestion } from "../../lib/commands/create-question";
import { editAnswer } from "../../lib/commands/edit-post";
import { flagPost } from "../../lib/commands/flags";
import { adjustPoints, suspendMember } from "../../lib/commands/members";
import { db } from "../../lib/db";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { answerAs, askAs, member, someCategoryId } from "../helpers/fixtures";
import { isAppError } from "../../lib/errors";

before(openTestDatabase);
after(closeTestDatabase);

const NUL = "\u0000";
const HALF_PAIR = "\ud83d"; // the first half of an emoji, alone

/** Refused for `field`, with the message that says what to do. */
const refusedFor = (field: string, what: RegExp) => (e: unknown) => {
  assert.ok(isAppError(e) && e.code === "BAD_INPUT", String(e));
  assert.match(e.fieldErrors[field]?.join(" ") ?? "", what);
  return true;
};

for (const [name, bad, what] of [["a NUL", `x ${NUL} y`, /NUL character/], ["half a surrogate pair", `x ${HALF_PAIR} y`, /broken character/]] as const) {
  test(`${name} in a question's title, body or tags is refused; nothing stored`, async () => {
    const asker = await member();
    const categoryId = await someCategoryId();
    const good = { title: "A title long enough to pass", body: "A body that is long enough to pass the check.", categoryId, tags: "tcp" };
    for (const field of ["title", "body", "tags"] as const) {
      await assert.rejects(createQuestion(asker, { ...good, [field]: `${good[field]}${bad}` }), refusedFor(field, what));
    }
    assert.equal(await db.question.count({ where: { authorId: asker.id } }), 0);
  });

  test(`${name} in an answer, an edit, a comment or a flag note is refused; nothing stored`, async () => {
    const asker = await member("ADMIN");
    const q = await askAs(asker);
    const answerer = await member();
    await assert.rejects(createAnswer(answerer, q.id, { body: `An answer long enough ${bad}` }), refusedFor("body", what));
    assert.equal(await db.answer.count({ where: { authorId: answerer.id } }), 0);
    const a = await answerAs(answerer, q.id);
    await assert.rejects(editAnswer(answerer, a.id, { body: `An edit long enough ${bad}` }), refusedFor("body", what));
    await assert.rejects(addComment(asker, { postType: "question", postId: q.id, body: `a comment ${bad}` }), refusedFor("body", what));
    assert.equal(await db.comment.count({ where: { questionId: q.id } }), 0);
    await assert.rejects(flagPost(await member(), { postType: "answer", postId: a.id, reason: "SPAM", note: `see ${bad}` }), refusedFor("note", what));
    assert.equal(await db.flag.count({ where: { answerId: a.id } }), 0);
  });

  test(`${name} in the admin forms (points adjustment, suspension, category) is refused`, async () => {
    const admin = await member("ADMIN");
    const target = await member();
    await assert.rejects(adjustPoints(admin, { userId: target.id, delta: "5", reason: `thanks ${bad}` }), refusedFor("reason", what));
    await assert.rejects(suspendMember(admin, { userId: target.id, days: "1", reason: `spam ${bad}` }), refusedFor("reason", what));
    await assert.rejects(createCategory(admin, { name: `Cat ${bad}`, emoji: "", description: "" }), refusedFor("name", what));
    await assert.rejects(createCategory(admin, { name: "A fine name", emoji: "", description: `about ${bad}` }), refusedFor("description", what));
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { points: true, suspendedUntil: true } })).suspendedUntil, null);
  });
}

test("a whole emoji (a surrogate pair) is ordinary text", async () => {
  const q = await askAs(await member(), "Why does 🚀 launch faster over QUIC?");
  const stored = await db.question.findUniqueOrThrow({ where: { id: q.id }, select: { title: true } });
  assert.equal(stored.title, "Why does 🚀 launch faster over QUIC?");
});
