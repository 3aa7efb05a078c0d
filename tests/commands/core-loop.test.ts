import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createAnswer } from "../../lib/commands/create-answer";
import { createQuestion } from "../../lib/commands/create-question";
import { deleteAnswer } from "../../lib/commands/delete-answer";
import { editAnswer, editQuestion } from "../../lib/commands/edit-post";
import { clearBestAnswer, selectBestAnswer } from "../../lib/commands/select-best-answer";
import { db } from "../../lib/db";
import { findTotalMismatches } from "../../lib/points";
import { rules } from "../../lib/rules";
import { closeTestDatabase, openTestDatabase } from "../helpers/db";
import { code } from "../helpers/errors";
import { answerAs, askAs, bestAnswerOf, member, pointsOf, someCategoryId } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

describe("asking and answering", () => {
  test("a question is stored with rendered, sanitized body, tags and a first revision", async () => {
    const asker = await member();
    const q = await createQuestion(asker, {
      title: "Why is UDP called connectionless?",
      body: "It has **no** handshake <script>alert(1)</script> at all.",
      categoryId: await someCategoryId(),
      tags: "udp, Transport udp",
    });
    const stored = await db.question.findUniqueOrThrow({ where: { id: q.id }, select: { bodyHtml: true, slug: true, tags: { select: { tag: { select: { name: true } } } }, _count: { select: { revisions: true } } } });
    assert.match(stored.bodyHtml, /<strong>no<\/strong>/);
    assert.doesNotMatch(stored.bodyHtml, /<script/);
    assert.equal(stored.slug, "why-is-udp-called-connectionless");
    assert.deepEqual(stored.tags.map((t) => t.tag.name).sort(), ["transport", "udp"]);
    assert.equal(stored._count.revisions, 1);
  });

  test("bad input is refused with field messages and changes nothing", async () => {
    const asker = await member();
    // Counted per asker: other test files write to a shared PostgreSQL database at the same time.
    const before = await db.question.count({ where: { authorId: asker.id } });
    await assert.rejects(createQuestion(asker, { title: "short", body: "", categoryId: "x", tags: "a b c d e f" }), (e: { code?: string; fieldErrors?: Record<string, string[]> }) => {
      assert.equal(e.code, "BAD_INPUT");
      assert.deepEqual(Object.keys(e.fieldErrors ?? {}).sort(), ["body", "categoryId", "tags", "title"]);
      return true;
    });
    await assert.rejects(createQuestion(asker, { title: "A perfectly fine title", body: "A body that is long enough to pass.", categoryId: 999999 }), code("BAD_INPUT"));
    await assert.rejects(createQuestion(asker, { title: "x".repeat(151), body: "y".repeat(40), categoryId: await someCategoryId() }), code("BAD_INPUT"));
    assert.equal(await db.question.count({ where: { authorId: asker.id } }), before);
  });

  test("signed-out and suspended members cannot write", async () => {
    const asker = await member();
    const q = await askAs(asker);
    const suspended = await member("MEMBER", { suspendedUntil: new Date(Date.now() + 86_400_000) });
    await assert.rejects(askAs(null as never), code("UNAUTHENTICATED"));
    await assert.rejects(createAnswer(null, q.id, { body: "An answer from nobody at all." }), code("UNAUTHENTICATED"));
    await assert.rejects(answerAs(suspended, q.id), code("FORBIDDEN"));
  });

  test("+2 for answering someone else's question, once per question, never for your own", async () => {
    const asker = await member();
    const answerer = await member();
    const q = await askAs(asker);
    await answerAs(answerer, q.id);
    await answerAs(answerer, q.id, "A second answer from the same member, with more detail.");
    await answerAs(asker, q.id, "The asker answers their own question here.");
    assert.equal(await pointsOf(answerer.id), rules.answerPoints);
    assert.equal(await pointsOf(asker.id), 0);
    assert.equal((await db.question.findUniqueOrThrow({ where: { id: q.id }, select: { answerCount: true } })).answerCount, 3);
  });

  test("an answer's rows carry the time it was posted, whatever the process's time zone", async (t) => {
    // createAnswer writes its rows in one raw statement; Prisma's own inserts store UTC. Node
    // applies a TZ change at once, so this runs as a server set to New York would.
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    t.after(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    const asker = await member();
    const answerer = await member();
    const q = await askAs(asker);
    const before = Date.now();
    const a = await answerAs(answerer, q.id);
    const after = Date.now();
    const rows = await db.answer.findUniqueOrThrow({
      where: { id: a.id },
      select: {
        createdAt: true,
        updatedAt: true,
        question: { select: { lastActivityAt: true } },
        revisions: { select: { createdAt: true } },
        notifications: { where: { userId: asker.id }, select: { createdAt: true } },
      },
    });
    const award = await db.pointEvent.findFirstOrThrow({ where: { answerId: a.id, cause: "ANSWER" }, select: { createdAt: true } });
    const times = [rows.createdAt, rows.updatedAt, rows.question.lastActivityAt, ...rows.revisions.map((r) => r.createdAt), ...rows.notifications.map((n) => n.createdAt), award.createdAt];
    assert.equal(times.length, 6, "one notification, for the asker");
    for (const t of times) assert.ok(t.getTime() >= before - 5 && t.getTime() <= after + 5, `${t.toISOString()} not within the call`);
  });

  test("answers to missing questions are refused", async () => {
    const answerer = await member();
    await assert.rejects(answerAs(answerer, 999_999_999), code("NOT_FOUND"));
    await assert.rejects(createAnswer(answerer, "1; drop table", { body: "An answer to a forged id." }), code("BAD_INPUT"));
  });
});

describe("editing", () => {
  test("authors and moderators edit; others cannot; every edit is a revision", async () => {
    const asker = await member();
    const other = await member();
    const moderator = await member("MODERATOR");
    const q = await askAs(asker);
    const input = { title: "How does TCP slow start really grow?", body: "Edited body with more detail about cwnd.", categoryId: await someCategoryId(), tags: "tcp" };
    await assert.rejects(editQuestion(other, q.id, input), code("FORBIDDEN"));
    await editQuestion(asker, q.id, input);
    await editQuestion(moderator, q.id, { ...input, body: "Moderator tidied the wording of the body." });
    const revisions = await db.revision.findMany({ where: { questionId: q.id }, select: { editorId: true } });
    assert.deepEqual(revisions.map((r) => r.editorId), [asker.id, asker.id, moderator.id]);

    const answerer = await member();
    const a = await answerAs(answerer, q.id);
    await assert.rejects(editAnswer(other, a.id, { body: "Vandalised answer body text." }), code("FORBIDDEN"));
    await editAnswer(answerer, a.id, { body: "It grows exponentially until ssthresh, then linearly." });
    assert.equal(await db.revision.count({ where: { answerId: a.id } }), 2);
  });
});

describe("best answer and points", () => {
  test("the asker picks, changes and removes the pick; +20 moves with it", async () => {
    const asker = await member();
    const alice = await member();
    const bob = await member();
    const q = await askAs(asker);
    const a1 = await answerAs(alice, q.id);
    const a2 = await answerAs(bob, q.id);
    await selectBestAnswer(asker, a1.id);
    assert.equal(await bestAnswerOf(q.id), a1.id);
    assert.equal(await pointsOf(alice.id), rules.answerPoints + rules.bestAnswerPoints);
    await selectBestAnswer(asker, a2.id);
    assert.equal(await pointsOf(alice.id), rules.answerPoints);
    assert.equal(await pointsOf(bob.id), rules.answerPoints + rules.bestAnswerPoints);
    await selectBestAnswer(asker, a2.id); // picking the pick again changes nothing
    assert.equal(await pointsOf(bob.id), rules.answerPoints + rules.bestAnswerPoints);
    await clearBestAnswer(asker, q.id);
    assert.equal(await bestAnswerOf(q.id), null);
    assert.equal(await pointsOf(bob.id), rules.answerPoints);
    await selectBestAnswer(asker, a1.id);
    assert.equal(await pointsOf(alice.id), rules.answerPoints + rules.bestAnswerPoints);
  });

  test("only the asker or a moderator may pick; the asker's own answer earns nothing", async () => {
    const asker = await member();
    const answerer = await member();
    const stranger = await member();
    const moderator = await member("MODERATOR");
    const admin = await member("ADMIN");
    const q = await askAs(asker);
    const a = await answerAs(answerer, q.id);
    const own = await answerAs(asker, q.id, "My own answer, after some digging.");
    await assert.rejects(selectBestAnswer(stranger, a.id), code("FORBIDDEN"));
    await assert.rejects(selectBestAnswer(answerer, a.id), code("FORBIDDEN"));
    await assert.rejects(clearBestAnswer(stranger, q.id), code("FORBIDDEN"));
    await assert.rejects(selectBestAnswer(null, a.id), code("UNAUTHENTICATED"));
    await selectBestAnswer(moderator, a.id);
    assert.equal(await pointsOf(answerer.id), rules.answerPoints + rules.bestAnswerPoints);
    await selectBestAnswer(admin, own.id);
    assert.equal(await pointsOf(answerer.id), rules.answerPoints);
    assert.equal(await pointsOf(asker.id), 0);
  });

  test("deleting answers: owners and moderators only; points go back", async () => {
    const asker = await member();
    const answerer = await member();
    const stranger = await member();
    const q = await askAs(asker);
    const a1 = await answerAs(answerer, q.id);
    const a2 = await answerAs(answerer, q.id, "Another angle on the same question.");
    await selectBestAnswer(asker, a1.id);
    await assert.rejects(deleteAnswer(stranger, a1.id), code("FORBIDDEN"));
    await assert.rejects(deleteAnswer(asker, a1.id), code("FORBIDDEN"));
    await deleteAnswer(answerer, a1.id);
    assert.equal(await bestAnswerOf(q.id), null);
    assert.equal(await pointsOf(answerer.id), rules.answerPoints, "the +2 stays while another answer lives");
    await deleteAnswer(answerer, a2.id);
    assert.equal(await pointsOf(answerer.id), 0);
    await assert.rejects(deleteAnswer(answerer, a2.id), code("NOT_FOUND"));
    await assert.rejects(selectBestAnswer(asker, a1.id), code("NOT_FOUND"));
    const kept = await db.answer.count({ where: { id: { in: [a1.id, a2.id] } } });
    assert.equal(kept, 2, "soft delete keeps the rows");
  });

  test("simultaneous picks and deletions leave one best answer and a ledger that adds up", async () => {
    const asker = await member();
    const moderator = await member("MODERATOR");
    const answerers = await Promise.all(Array.from({ length: 6 }, () => member()));
    const q = await askAs(asker);
    const answers = [];
    for (const m of answerers) answers.push(await answerAs(m, q.id));
    const jobs = [];
    for (let round = 0; round < 4; round++) {
      for (const [i, a] of answers.entries()) {
        jobs.push(selectBestAnswer(i % 2 ? asker : moderator, a.id));
        if (round === 2 && i % 3 === 0) jobs.push(deleteAnswer(answerers[i]!, a.id));
      }
      jobs.push(clearBestAnswer(asker, q.id));
    }
    const outcomes = await Promise.allSettled(jobs);
    for (const o of outcomes) {
      if (o.status === "rejected") assert.ok(["NOT_FOUND"].includes((o.reason as { code?: string }).code ?? ""), String(o.reason));
    }
    const best = await bestAnswerOf(q.id);
    const bestAwards = await db.pointEvent.groupBy({ by: ["answerId"], where: { cause: "BEST_ANSWER", questionId: q.id }, _sum: { delta: true } });
    const inForce = bestAwards.filter((g) => (g._sum.delta ?? 0) !== 0);
    if (best === null) assert.equal(inForce.length, 0);
    else assert.deepEqual(inForce.map((g) => g.answerId), [best]);
    for (const g of bestAwards) assert.ok([0, rules.bestAnswerPoints].includes(g._sum.delta ?? -1));
    if (best) assert.equal((await db.answer.findUniqueOrThrow({ where: { id: best }, select: { deletedAt: true } })).deletedAt, null);
    assert.deepEqual(await findTotalMismatches(db), []);
  });
});
