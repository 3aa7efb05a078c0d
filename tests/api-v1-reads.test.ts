/**
 * The JSON API's reads (/api/v1): every list and resource, paging, refusals of bad input, the
 * read limit, and every response checked against the OpenAPI document the app serves.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "../lib/api/openapi";
import { createAnswer } from "../lib/commands/create-answer";
import { createQuestion } from "../lib/commands/create-question";
import { selectBestAnswer } from "../lib/commands/select-best-answer";
import { db } from "../lib/db";
import { consume } from "../lib/rate-limit";
import { trust } from "../lib/rules";
import { api, documentedPaths, rawApi } from "./helpers/api";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { member } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

/** A category of its own, with `count` questions by one member (oldest first), each tagged with a new tag. */
async function world(count = 3) {
  const slug = uniqueName("cat").toLowerCase();
  const category = await db.category.create({ data: { slug, name: slug }, select: { id: true, slug: true } });
  const tag = uniqueName("t").toLowerCase();
  const word = uniqueName("zq").toLowerCase().replace(/[^a-z]/g, "");
  const asker = await member();
  const answerer = await member();
  const questions = [];
  for (let i = 0; i < count; i++) {
    questions.push(await createQuestion(asker, { title: `Question ${i} about ${word} windows`, body: `Body of question ${i}: **bold** ${word} and <script>alert(1)</script>.`, categoryId: category.id, tags: `${tag} api-test` }));
  }
  return { category, tag, word, asker, answerer, questions };
}

test("the document is valid OpenAPI 3.1, is served as JSON, and describes every route", async () => {
  const result = await new Validator().validate(structuredClone(openApiDocument) as unknown as Parameters<Validator["validate"]>[0]);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  const { body, headers } = await api("GET", "/api/v1/openapi.json");
  assert.equal(body.openapi, "3.1.0");
  assert.match(headers.get("cache-control") ?? "", /max-age/);
  assert.deepEqual(Object.keys(openApiDocument.paths).sort(), [...documentedPaths].sort());
});

test("the check can fail: a field the document does not name, or an undocumented status, is refused", async () => {
  const { checkAgainstDocument } = await import("./helpers/api");
  const headers = { "content-type": "application/json", "access-control-allow-origin": "*" };
  const leaky = new Response(JSON.stringify({ items: [{ id: 1, slug: "x", name: "X", links: { html: "/categories/x" }, email: "a@b.c" }] }), { headers });
  await assert.rejects(checkAgainstDocument("GET", "/api/v1/categories", leaky), /does not match the document/);
  await assert.rejects(checkAgainstDocument("GET", "/api/v1/categories", new Response("{}", { status: 418, headers })), /does not list/);
});

describe("questions", () => {
  test("a page of questions, in order, with next and prev links in the body and the Link header", async () => {
    const { category, questions, asker } = await world(3);
    const first = await api("GET", "/api/v1/questions", { query: { category: category.slug, pageSize: "2" } });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.items.map((q: { id: number }) => q.id), [questions[2]!.id, questions[1]!.id]);
    assert.equal(first.body.hasMore, true);
    assert.equal(first.body.links.next, `/api/v1/questions?category=${category.slug}&pageSize=2&page=2`);
    assert.equal(first.headers.get("link"), `</api/v1/questions?category=${category.slug}&pageSize=2&page=2>; rel="next"`);
    const item = first.body.items[0];
    assert.equal(item.author.username, asker.username);
    assert.equal(item.links.html, `/questions/${questions[2]!.id}/${questions[2]!.slug}`);
    assert.ok(item.tags.includes("api-test"));
    const second = await api("GET", "/api/v1/questions", { query: { category: category.slug, pageSize: "2", page: "2" } });
    assert.deepEqual(second.body.items.map((q: { id: number }) => q.id), [questions[0]!.id]);
    assert.equal(second.body.hasMore, false);
    assert.equal(second.body.links.next, undefined);
    assert.match(second.headers.get("link") ?? "", /rel="prev"/);
  });

  test("filters by tag, and the tag's questions match its count", async () => {
    const { tag, questions } = await world(2);
    const list = await api("GET", "/api/v1/questions", { query: { tag } });
    assert.deepEqual(list.body.items.map((q: { id: number }) => q.id).sort(), questions.map((q) => q.id).sort());
    const one = await api("GET", "/api/v1/tags/{name}", { path: { name: tag } });
    assert.equal(one.body.questionCount, 2);
    assert.equal(one.body.links.questions, `/api/v1/questions?tag=${tag}`);
  });

  test("bad parameters are 400 problems naming the parameter; an unknown category is 404", async () => {
    for (const query of <Record<string, string>[]>[{ pageSize: "101" }, { pageSize: "0" }, { page: "abc" }, { page: "1.5" }, { sort: "random" }, { tag: "x".repeat(61) }]) {
      const res = await api("GET", "/api/v1/questions", { query });
      assert.equal(res.status, 400, JSON.stringify(query));
      assert.equal(res.headers.get("content-type"), "application/problem+json");
      assert.equal(res.body.type, "/api/v1/problems/bad-input");
      assert.equal(res.body.errors[0].field, Object.keys(query)[0]);
    }
    const nul = await api("GET", "/api/v1/questions", { query: { tag: "a\u0000b" } });
    assert.equal(nul.status, 400);
    assert.match(nul.body.errors[0].detail, /NUL/);
    assert.equal((await api("GET", "/api/v1/questions", { query: { category: "no-such-category-at-all" } })).status, 404);
  });

  test("one question: Markdown and sanitized HTML, ISO dates, links, and nothing private", async () => {
    const { questions, asker } = await world(1);
    const { body } = await api("GET", "/api/v1/questions/{questionId}", { path: { questionId: questions[0]!.id } });
    assert.match(body.bodyMarkdown, /\*\*bold\*\*/);
    assert.match(body.bodyHtml, /<strong>bold<\/strong>/);
    assert.doesNotMatch(body.bodyHtml, /<script/);
    assert.equal(new Date(body.createdAt).toISOString(), body.createdAt);
    assert.equal(body.author.username, asker.username);
    assert.equal(body.links.answers, `/api/v1/questions/${questions[0]!.id}/answers`);
    assert.doesNotMatch(JSON.stringify(body), /email|passwordHash|authorId|hiddenAt|deletedAt|searchVector/);
  });

  test("ids that are not numbers are 400; missing, deleted and hidden questions are 404", async () => {
    for (const id of ["abc", "0", "-1", "1e3", "99999999999"]) {
      assert.equal((await api("GET", "/api/v1/questions/{questionId}", { path: { questionId: id } })).status, 400, id);
    }
    assert.equal((await api("GET", "/api/v1/questions/{questionId}", { path: { questionId: 2147483000 } })).status, 404);
    const { questions } = await world(2);
    await db.question.update({ where: { id: questions[0]!.id }, data: { hiddenAt: new Date() } });
    await db.question.update({ where: { id: questions[1]!.id }, data: { deletedAt: new Date() } });
    for (const q of questions) {
      const res = await api("GET", "/api/v1/questions/{questionId}", { path: { questionId: q.id } });
      assert.equal(res.status, 404);
      assert.equal(res.body.title, "Not found");
      assert.equal((await api("GET", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id } })).status, 404);
    }
  });
});

describe("answers", () => {
  test("a question's answers, paged and sorted, each marked if best; one answer by id", async () => {
    const { questions, asker } = await world(1);
    const q = questions[0]!;
    const authors = [await member(), await member(), await member()];
    const answers = [];
    for (const [i, author] of authors.entries()) answers.push(await createAnswer(author, q.id, { body: `Answer number ${i} with \`code\`.` }));
    await selectBestAnswer(asker, answers[1]!.id);
    const oldest = await api("GET", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id }, query: { sort: "oldest", pageSize: "2" } });
    assert.deepEqual(oldest.body.items.map((a: { id: number }) => a.id), [answers[0]!.id, answers[1]!.id]);
    assert.deepEqual(oldest.body.items.map((a: { isBest: boolean }) => a.isBest), [false, true]);
    assert.equal(oldest.body.hasMore, true);
    const newest = await api("GET", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id }, query: { sort: "newest" } });
    assert.deepEqual(newest.body.items.map((a: { id: number }) => a.id), answers.map((a) => a.id).reverse());
    const one = await api("GET", "/api/v1/answers/{answerId}", { path: { answerId: answers[2]!.id } });
    assert.match(one.body.bodyHtml, /<code>code<\/code>/);
    assert.equal(one.body.links.html, `/questions/${q.id}/${q.slug}#answer-${answers[2]!.id}`);
    assert.equal((await api("GET", "/api/v1/answers/{answerId}", { path: { answerId: "x1" } })).status, 400);
    await db.answer.update({ where: { id: answers[2]!.id }, data: { deletedAt: new Date() } });
    assert.equal((await api("GET", "/api/v1/answers/{answerId}", { path: { answerId: answers[2]!.id } })).status, 404);
    // Hidden by spam flags: gone from the API as from readers' pages.
    await db.answer.update({ where: { id: answers[0]!.id }, data: { hiddenAt: new Date() } });
    assert.equal((await api("GET", "/api/v1/answers/{answerId}", { path: { answerId: answers[0]!.id } })).status, 404);
    const left = await api("GET", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id } });
    assert.deepEqual(left.body.items.map((a: { id: number }) => a.id), [answers[1]!.id]);
    assert.equal((await api("GET", "/api/v1/questions/{questionId}/answers", { path: { questionId: q.id }, query: { sort: "best" } })).status, 400);
  });
});

describe("search, members, tags, categories", () => {
  test("search uses the forum's search: matches marked, pages of 20, q required", async () => {
    const { word, questions } = await world(2);
    const res = await api("GET", "/api/v1/search", { query: { q: word } });
    assert.deepEqual(res.body.items.map((h: { id: number }) => h.id).sort(), questions.map((q) => q.id).sort());
    assert.match(res.body.items[0].titleHtml, new RegExp(`<mark>${word}</mark>`));
    assert.equal(res.body.pageSize, 20);
    assert.equal(res.body.total, 2);
    assert.equal(res.body.totalIsExact, true);
    for (const query of <Record<string, string>[]>[{}, { q: "   " }, { q: "a\u0000" }, { q: word, pageSize: "50" }, { q: word, answered: "maybe" }, { q: "x".repeat(201) }]) {
      assert.equal((await api("GET", "/api/v1/search", { query })).status, 400, JSON.stringify(query));
    }
    const none = await api("GET", "/api/v1/search", { query: { q: word, answered: "yes" } });
    assert.equal(none.body.items.length, 0);
  });

  test("members: a page by points, and one member's public profile without email", async () => {
    const m = await member();
    await db.user.update({ where: { id: m.id }, data: { email: `${m.username}@example.test`, bio: "Routing nerd." } });
    const one = await api("GET", "/api/v1/users/{username}", { path: { username: m.username.toUpperCase() } });
    assert.equal(one.body.username, m.username);
    assert.equal(one.body.bio, "Routing nerd.");
    assert.equal(one.body.role, "member");
    assert.doesNotMatch(one.text, /example\.test/);
    assert.equal((await api("GET", "/api/v1/users/{username}", { path: { username: uniqueName("nobody") } })).status, 404);
    const list = await api("GET", "/api/v1/users", { query: { pageSize: "5" } });
    assert.ok(list.body.items.length <= 5);
    const points = list.body.items.map((u: { points: number }) => u.points);
    assert.deepEqual(points, [...points].sort((a, b) => b - a));
  });

  test("tags and categories", async () => {
    const { tag, category } = await world(1);
    const tags = await api("GET", "/api/v1/tags", { query: { pageSize: "100" } });
    assert.ok(tags.body.items.some((t: { name: string }) => t.name === "api-test"));
    assert.equal((await api("GET", "/api/v1/tags/{name}", { path: { name: `${tag}-none` } })).status, 404);
    const cats = await api("GET", "/api/v1/categories");
    assert.ok(cats.body.items.some((c: { id: number; slug: string }) => c.id === category.id && c.slug === category.slug));
  });

  test("each problem type names a page that says what it means", async () => {
    const { GET } = await import("../app/api/v1/problems/[kind]/route");
    const page = await GET(new Request("http://forum.test/api/v1/problems/rate-limited"), { params: Promise.resolve({ kind: "rate-limited" }) });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Retry-After/);
    const unknown = await GET(new Request("http://forum.test/api/v1/problems/nope"), { params: Promise.resolve({ kind: "nope" }) });
    assert.equal(unknown.status, 404);
  });

  test("an unknown address under /api/v1 is a 404 problem", async () => {
    const { GET, POST } = await import("../app/api/v1/[...path]/route");
    for (const handler of [GET, POST]) {
      const res = await handler();
      assert.equal(res.status, 404);
      assert.equal(res.headers.get("content-type"), "application/problem+json");
      assert.equal(((await res.json()) as { status: number }).status, 404);
    }
  });
});

describe("limits and CORS", () => {
  test("reads are limited per address: 429 with Retry-After, while other addresses read on", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < trust.apiReadsPerMinute; i++) await consume(`api:read:ip:${ip}`, { limit: trust.apiReadsPerMinute, windowMs: 60_000 });
    const limited = await api("GET", "/api/v1/tags", { ip });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    assert.equal(limited.body.retryAfterSeconds, Number(limited.headers.get("retry-after")));
    assert.equal((await api("GET", "/api/v1/tags", { ip: "192.0.2.77" })).status, 200);
  });

  test("a preflight from any origin is answered without credentials", async () => {
    const res = await rawApi("OPTIONS", "/api/v1/questions", { headers: { origin: "https://elsewhere.example", "access-control-request-method": "POST" } });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.match(res.headers.get("access-control-allow-headers") ?? "", /Authorization/);
    assert.equal(res.headers.get("access-control-allow-credentials"), null);
  });
});
