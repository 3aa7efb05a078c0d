/**
 * The JSON API's writes and its personal access tokens: asking, answering, voting and picking
 * best answers through the forms' own commands and permissions; token creation, revocation,
 * expiry and suspension; the same limits as the forms. Every response is checked against the
 * OpenAPI document.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { hashTokenSecret } from "../lib/api/token-secret";
import type { Actor } from "../lib/commands/guard";
import { createApiToken, revokeApiToken } from "../lib/commands/api-tokens";
import { setThreadLocked } from "../lib/commands/moderate-thread";
import { db } from "../lib/db";
import { listApiTokens } from "../lib/data/api-tokens";
import { consume } from "../lib/rate-limit";
import { limits, trust } from "../lib/rules";
import { TOKENS_PER_MEMBER } from "../lib/validation/api-token";
import { api } from "./helpers/api";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { code } from "./helpers/errors";
import { answerAs, askAs, member, someCategoryId } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

type Member = Actor & { username: string };

/** A member holding `points` (a ledger adjustment, as an admin would make) and a token. */
async function withToken(points = 0, role: Actor["role"] = "MEMBER"): Promise<Member & { token: string; tokenId: number }> {
  const m = await member(role);
  if (points) await db.pointEvent.create({ data: { cause: "ADJUSTMENT", subject: uniqueName("adj"), seq: 0, userId: m.id, delta: points } });
  const { secret, id } = await createApiToken(m, { name: "test script", expiresInDays: "30" });
  return { ...m, points, token: secret, tokenId: id };
}

const newQuestion = async (extra: Record<string, unknown> = {}) => ({
  title: "How does BGP pick one route among many?",
  body: "I see several paths to one prefix in the table. Which one wins, and **why**?",
  categoryId: await someCategoryId(),
  tags: ["bgp", "routing"],
  ...extra,
});

describe("tokens", () => {
  test("made with a name and expiry, shown once, stored only as its SHA-256; it identifies its holder", async () => {
    const m = await member();
    const made = await createApiToken(m, { name: "  laptop  ", expiresInDays: "7" });
    assert.match(made.secret, /^ppt_[A-Za-z0-9_-]{43}$/);
    assert.equal(made.name, "laptop");
    const days = (made.expiresAt!.getTime() - made.createdAt.getTime()) / 86_400_000;
    assert.equal(days, 7);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    assert.equal(row.tokenHash, hashTokenSecret(made.secret));
    assert.doesNotMatch(JSON.stringify(row), new RegExp(made.secret.slice(4)));
    assert.equal(row.lastUsedAt, null);
    const me = await api("GET", "/api/v1/me", { token: made.secret });
    assert.equal(me.body.username, m.username);
    assert.ok((await listApiTokens(m.id))[0]!.lastUsedAt, "last use recorded");
    const listed = await listApiTokens(m.id);
    assert.deepEqual(Object.keys(listed[0]!).sort(), ["createdAt", "expiresAt", "id", "lastUsedAt", "name"]);
    assert.equal((await createApiToken(m, { name: "forever", expiresInDays: "never" })).expiresAt, null);
  });

  test("bad names and lifetimes are refused per field; a member has at most a few tokens", async () => {
    const m = await member();
    await assert.rejects(createApiToken(m, { name: " " }), code("BAD_INPUT"));
    await assert.rejects(createApiToken(m, { name: "x".repeat(61) }), code("BAD_INPUT"));
    await assert.rejects(createApiToken(m, { name: "ok", expiresInDays: "9999" }), (e: { fieldErrors: Record<string, string[]> }) => "expiresInDays" in e.fieldErrors);
    await assert.rejects(createApiToken(m, { name: "a\u0000b" }), code("BAD_INPUT"));
    await assert.rejects(createApiToken(null, { name: "x" }), code("UNAUTHENTICATED"));
    for (let i = 0; i < TOKENS_PER_MEMBER; i++) await createApiToken(m, { name: `t${i}` });
    await assert.rejects(createApiToken(m, { name: "one more" }), code("CONFLICT"));
  });

  test("a revoked token is refused with 401; nobody revokes another member's token", async () => {
    const a = await withToken();
    const b = await withToken();
    await assert.rejects(revokeApiToken(b, a.tokenId), code("NOT_FOUND"));
    assert.equal((await api("GET", "/api/v1/me", { token: a.token })).status, 200);
    await revokeApiToken(a, a.tokenId);
    const refused = await api("GET", "/api/v1/me", { token: a.token });
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get("www-authenticate") ?? "", /^Bearer/);
    assert.equal((await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion() })).status, 401);
    // Sent with a read, a bad token is refused too, rather than read as anonymous.
    assert.equal((await api("GET", "/api/v1/tags", { token: a.token })).status, 401);
  });

  test("an expired token is refused; malformed Authorization headers are 401", async () => {
    const a = await withToken();
    const past = new Date(Date.now() - 60_000);
    await db.apiToken.update({ where: { id: a.tokenId }, data: { createdAt: new Date(past.getTime() - 1000), expiresAt: past } });
    assert.equal((await api("GET", "/api/v1/me", { token: a.token })).status, 401);
    for (const authorization of ["Basic abc", "Bearer", "Bearer a b", "ppt_x", `Bearer ${a.token}x`]) {
      assert.equal((await api("GET", "/api/v1/me", { headers: { authorization } })).status, 401, authorization);
    }
    assert.equal((await api("GET", "/api/v1/me")).status, 401);
  });

  test("a suspended member's tokens stop working (403) and work again when the suspension ends", async () => {
    const a = await withToken(50);
    await db.user.update({ where: { id: a.id }, data: { suspendedUntil: new Date(Date.now() + 3600_000) } });
    const refused = await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion() });
    assert.equal(refused.status, 403);
    assert.match(refused.body.detail, /suspended/);
    assert.equal((await api("GET", "/api/v1/me", { token: a.token })).status, 403);
    await db.user.update({ where: { id: a.id }, data: { suspendedUntil: null } });
    assert.equal((await api("GET", "/api/v1/me", { token: a.token })).status, 200);
  });
});

describe("asking", () => {
  test("no token is 401, even with a session cookie: the API never reads cookies", async () => {
    const res = await api("POST", "/api/v1/questions", { json: await newQuestion(), headers: { cookie: "authjs.session-token=anything" } });
    assert.equal(res.status, 401);
    assert.equal(res.body.type, "/api/v1/problems/unauthenticated");
  });

  test("a question asked through the API: 201, its Location, rendered and tagged as the form does", async () => {
    const a = await withToken(50);
    const res = await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion() });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get("location"), `/api/v1/questions/${res.body.id}`);
    assert.equal(res.body.author.username, a.username);
    assert.match(res.body.bodyHtml, /<strong>why<\/strong>/);
    assert.deepEqual(res.body.tags, ["bgp", "routing"]);
    const stored = await db.question.findUniqueOrThrow({ where: { id: res.body.id }, select: { authorId: true, revisions: { select: { id: true } } } });
    assert.equal(stored.authorId, a.id);
    assert.equal(stored.revisions.length, 1);
    const spaced = await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion({ tags: "tcp, udp" }) });
    assert.deepEqual(spaced.body.tags, ["tcp", "udp"]);
  });

  test("validation errors are 400 problems with one entry per field; nothing is stored", async () => {
    const a = await withToken(50);
    const before = await db.question.count({ where: { authorId: a.id } });
    const short = await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion({ title: "short", body: "tiny" }) });
    assert.equal(short.status, 400);
    assert.deepEqual(short.body.errors.map((e: { field: string }) => e.field).sort(), ["body", "title"]);
    const cases: [Record<string, unknown>, string][] = [
      [{ tags: [1, 2] }, "tags"],
      [{ tags: ["not a tag!"] }, "tags"],
      [{ categoryId: "none" }, "categoryId"],
      [{ categoryId: 2147483000 }, "categoryId"],
      [{ body: "A body with a NUL \u0000 character in it, long enough." }, "body"],
      [{ title: 42 }, "title"],
    ];
    for (const [extra, field] of cases) {
      const res = await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion(extra) });
      assert.equal(res.status, 400, JSON.stringify(extra));
      assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), `${field}: ${res.text}`);
    }
    assert.equal((await api("POST", "/api/v1/questions", { token: a.token, body: "{not json", headers: { "content-type": "application/json" } })).status, 400);
    assert.equal((await api("POST", "/api/v1/questions", { token: a.token, body: "[1]", headers: { "content-type": "application/json" } })).status, 400);
    assert.equal((await api("POST", "/api/v1/questions", { token: a.token, body: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } })).status, 415);
    const huge = await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion({ body: "x".repeat(limits.bodyMax * 6 + 5_000) }) });
    assert.equal(huge.status, 413);
    assert.equal(await db.question.count({ where: { authorId: a.id } }), before);
  });

  test("the trust rules hold: a new member asks once every few minutes (429), and keeps a refused question's allowance", async () => {
    const newbie = await withToken(0);
    const refused = await api("POST", "/api/v1/questions", { token: newbie.token, json: await newQuestion({ title: "short" }) });
    assert.equal(refused.status, 400);
    assert.equal((await api("POST", "/api/v1/questions", { token: newbie.token, json: await newQuestion() })).status, 201);
    const again = await api("POST", "/api/v1/questions", { token: newbie.token, json: await newQuestion() });
    assert.equal(again.status, 429);
    assert.ok(Number(again.headers.get("retry-after")) > 0);
    assert.match(again.body.detail, /New members can ask one question/);
    const links = await api("POST", "/api/v1/questions", { token: newbie.token, json: await newQuestion({ body: "See https://a.example https://b.example https://c.example for the details." }) });
    assert.equal(links.status, 400);
    assert.match(links.body.errors[0].detail, /links/);
  });

  test("every member's write budget is shared with the forms: 429 once spent", async () => {
    const a = await withToken(50);
    for (let i = 0; i < trust.writesPerMemberPerMinute; i++) await consume(`write:member:${a.id}`, { limit: trust.writesPerMemberPerMinute, windowMs: 60_000 });
    const res = await api("POST", "/api/v1/questions", { token: a.token, json: await newQuestion() });
    assert.equal(res.status, 429);
    assert.ok(res.headers.get("retry-after"));
  });
});

describe("answering, voting, best answers", () => {
  test("an answer: 201 with Location; 404 for a missing question, 400 for a bad id, 403 in a locked thread", async () => {
    const asker = await member();
    const a = await withToken(50);
    const q = await askAs(asker);
    const res = await api("POST", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id }, token: a.token, json: { body: "Slow start doubles the window each round trip." } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get("location"), `/api/v1/answers/${res.body.id}`);
    assert.equal(res.body.questionId, q.id);
    assert.equal(res.body.isBest, false);
    const short = await api("POST", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id }, token: a.token, json: { body: "no" } });
    assert.equal(short.body.errors[0].field, "body");
    assert.equal((await api("POST", "/api/v1/questions/{questionId}/answers", { path: { questionId: 2147483000 }, token: a.token, json: { body: "An answer to nothing at all." } })).status, 404);
    assert.equal((await api("POST", "/api/v1/questions/{questionId}/answers", { path: { questionId: "abc" }, token: a.token, json: { body: "An answer to nothing at all." } })).status, 400);
    assert.equal((await api("POST", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id }, json: { body: "Without a token this is refused." } })).status, 401);
    await setThreadLocked(await member("MODERATOR"), { questionId: String(q.id), locked: "true" });
    const locked = await api("POST", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id }, token: a.token, json: { body: "Too late: the thread is locked." } });
    assert.equal(locked.status, 403);
    assert.match(locked.body.detail, /locked/);
  });

  test("votes: the permissions module's rules (points, own posts), and the same direction again takes it back", async () => {
    const asker = await member();
    const answerer = await member();
    const q = await askAs(asker);
    const answer = await answerAs(answerer, q.id);
    const voter = await withToken(50);
    const newcomer = await withToken(0);
    const up = await api("POST", "/api/v1/answers/{answerId}/vote", { path: { answerId: answer.id }, token: voter.token, json: { direction: "up" } });
    assert.deepEqual(up.body, { postType: "answer", postId: answer.id, score: 1, myVote: 1 });
    const undo = await api("POST", "/api/v1/answers/{answerId}/vote", { path: { answerId: answer.id }, token: voter.token, json: { direction: "up" } });
    assert.equal(undo.body.myVote, 0);
    assert.equal(undo.body.score, 0);
    const down = await api("POST", "/api/v1/questions/{questionId}/vote", { path: { questionId: q.id }, token: voter.token, json: { direction: "down" } });
    assert.deepEqual([down.body.score, down.body.myVote], [-1, -1]);
    const poor = await api("POST", "/api/v1/questions/{questionId}/vote", { path: { questionId: q.id }, token: newcomer.token, json: { direction: "up" } });
    assert.equal(poor.status, 403);
    assert.match(poor.body.detail, /point/);
    const { secret: askerToken } = await createApiToken(asker, { name: "mine" });
    const own = await api("POST", "/api/v1/questions/{questionId}/vote", { path: { questionId: q.id }, token: askerToken, json: { direction: "up" } });
    assert.equal(own.status, 403);
    assert.match(own.body.detail, /own post/);
    const bad = await api("POST", "/api/v1/questions/{questionId}/vote", { path: { questionId: q.id }, token: voter.token, json: { direction: "sideways" } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].field, "direction");
    assert.equal((await api("POST", "/api/v1/answers/{answerId}/vote", { path: { answerId: 2147483000 }, token: voter.token, json: { direction: "up" } })).status, 404);
    assert.equal((await api("POST", "/api/v1/answers/{answerId}/vote", { path: { answerId: answer.id }, json: { direction: "up" } })).status, 401);
  });

  test("best answer: only the asker (or a moderator) picks and clears it, and the points follow", async () => {
    const asker = await member();
    const answerer = await member();
    const q = await askAs(asker);
    const answer = await answerAs(answerer, q.id);
    const { secret: askerToken } = await createApiToken(asker, { name: "asker" });
    const { secret: answererToken } = await createApiToken(answerer, { name: "answerer" });
    const other = await api("POST", "/api/v1/answers/{answerId}/best", { path: { answerId: answer.id }, token: answererToken });
    assert.equal(other.status, 403);
    assert.match(other.body.detail, /Only the asker or a moderator/);
    const before = (await db.user.findUniqueOrThrow({ where: { id: answerer.id }, select: { points: true } })).points;
    const picked = await api("POST", "/api/v1/answers/{answerId}/best", { path: { answerId: answer.id }, token: askerToken });
    assert.deepEqual(picked.body, { questionId: q.id, bestAnswerId: answer.id });
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: answerer.id }, select: { points: true } })).points, before + 20);
    const read = await api("GET", "/api/v1/answers/{answerId}", { path: { answerId: answer.id } });
    assert.equal(read.body.isBest, true);
    assert.equal((await api("DELETE", "/api/v1/questions/{questionId}/best-answer", { path: { questionId: q.id }, token: answererToken })).status, 403);
    const cleared = await api("DELETE", "/api/v1/questions/{questionId}/best-answer", { path: { questionId: q.id }, token: askerToken });
    assert.deepEqual(cleared.body, { questionId: q.id, bestAnswerId: null });
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: answerer.id }, select: { points: true } })).points, before);
    const mod = await withToken(0, "MODERATOR");
    assert.equal((await api("POST", "/api/v1/answers/{answerId}/best", { path: { answerId: answer.id }, token: mod.token })).status, 200);
    assert.equal((await api("POST", "/api/v1/answers/{answerId}/best", { path: { answerId: 2147483000 }, token: mod.token })).status, 404);
  });
});
