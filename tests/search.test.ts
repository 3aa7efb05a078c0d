import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createAnswer } from "../lib/commands/create-answer";
import { createQuestion } from "../lib/commands/create-question";
import { editAnswer, editQuestion } from "../lib/commands/edit-post";
import { selectBestAnswer } from "../lib/commands/select-best-answer";
import { searchQuestions, simplifyCompounds, SEARCH_PAGE_SIZE, SEARCH_POOL } from "../lib/data/search";
import { db } from "../lib/db";
import { parseSearchParams } from "../lib/validation/list";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { member, someCategoryId } from "./helpers/fixtures";

// The database may be shared with other test files (PostgreSQL runs): every searched word is
// unique to this run, so only this file's questions can match.
const word = uniqueName("zk");
const tag = uniqueName("t");
const ids: Record<"title" | "body" | "answer" | "other", number> = { title: 0, body: 0, answer: 0, other: 0 };
let otherCategory = { id: 0, slug: "" };
let asker: Awaited<ReturnType<typeof member>>;
let other: Awaited<ReturnType<typeof member>>;

async function ask(actor: typeof asker, title: string, body: string, extra: { tags?: string; categoryId?: number } = {}) {
  const q = await createQuestion(actor, { title, body, categoryId: extra.categoryId ?? (await someCategoryId()), tags: extra.tags ?? "" });
  return q.id;
}

before(async () => {
  await openTestDatabase();
  asker = await member();
  other = await member();
  const slug = uniqueName("cat");
  otherCategory = await db.category.create({ data: { slug, name: slug }, select: { id: true, slug: true } });
  ids.title = await ask(asker, `Why does ${word} window scaling matter?`, `Explain it. <script>alert(1)</script> <img src=x onerror=alert(1)> and ${word} once more, a < b.`, { tags: tag });
  ids.body = await ask(other, `A question about congestion control ${uniqueName("x")}`, `My notes mention ${word} somewhere in the middle of this body.`, { categoryId: otherCategory.id });
  ids.answer = await ask(asker, `How do routers pick a path ${uniqueName("x")}?`, "Nothing in this body matches the search at all.");
  const answer = await createAnswer(other, ids.answer, { body: `Routers use ${word} tables learned from neighbours.` });
  await selectBestAnswer(asker, answer.id);
  ids.other = await ask(asker, `Unrelated question about DNS ${uniqueName("x")}`, "A body that mentions nothing searched here, only resolvers.");
});
after(closeTestDatabase);

const idsOf = (r: { hits: { id: number }[] }) => r.hits.map((h) => h.id);

describe("full-text search", () => {
  test("ranks title matches over body matches over answer matches", async () => {
    const r = await searchQuestions({ q: word });
    assert.deepEqual(idsOf(r), [ids.title, ids.body, ids.answer]);
    assert.equal(r.total, 3);
    assert.equal(r.totalIsExact, true);
    assert.equal(r.hasMore, false);
    const hit = r.hits[0]!;
    assert.equal(hit.author.username, asker.username);
    assert.equal(typeof hit.slug, "string");
    assert.ok(hit.createdAt instanceof Date);
    assert.equal(r.hits[2]!.bestAnswerId !== null, true);
  });

  test("a question is found through one of its answers, with that answer's snippet", async () => {
    const r = await searchQuestions({ q: `${word} neighbours` });
    assert.deepEqual(idsOf(r), [ids.answer]);
    assert.match(r.hits[0]!.answerSnippetHtml ?? "", new RegExp(`<mark>${word}</mark>`));
  });

  test("highlights the words in <mark> and escapes everything the author wrote", async () => {
    const [hit] = (await searchQuestions({ q: word })).hits;
    assert.ok(hit);
    assert.match(hit.titleHtml, new RegExp(`^Why does <mark>${word}</mark> window scaling matter\\?$`));
    assert.match(hit.snippetHtml, new RegExp(`<mark>${word}</mark>`));
    assert.match(hit.snippetHtml, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(hit.snippetHtml.replace(/<\/?mark>/g, ""), /[<>]/);
  });

  test("filters: tag, category, author, answered, has best answer", async () => {
    assert.deepEqual(idsOf(await searchQuestions({ q: word, tag })), [ids.title]);
    assert.deepEqual(idsOf(await searchQuestions({ q: word, categorySlug: otherCategory.slug })), [ids.body]);
    assert.deepEqual(idsOf(await searchQuestions({ q: word, author: other.username.toUpperCase() })), [ids.body]);
    assert.deepEqual(idsOf(await searchQuestions({ q: word, answered: "yes" })), [ids.answer]);
    assert.deepEqual(idsOf(await searchQuestions({ q: word, answered: "no" })), [ids.title, ids.body]);
    assert.deepEqual(idsOf(await searchQuestions({ q: word, hasBest: true })), [ids.answer]);
    assert.deepEqual(idsOf(await searchQuestions({ q: word, author: "nobody-at-all", tag: "no-such-tag" })), []);
  });

  test("removed and hidden questions and answers are not found", async () => {
    await db.question.update({ where: { id: ids.body }, data: { hiddenAt: new Date() } });
    await db.answer.updateMany({ where: { questionId: ids.answer }, data: { deletedAt: new Date() } });
    try {
      assert.deepEqual(idsOf(await searchQuestions({ q: word })), [ids.title]);
    } finally {
      await db.question.update({ where: { id: ids.body }, data: { hiddenAt: null } });
      await db.answer.updateMany({ where: { questionId: ids.answer }, data: { deletedAt: null } });
    }
  });

  test("an edit is searched by its new words, not its old ones (the stored vectors follow the text)", async () => {
    const fresh = uniqueName("zq");
    const askedWith = uniqueName("zo");
    const answeredWith = uniqueName("zo");
    const id = await ask(asker, `Checksums in ${askedWith} headers`, "Where is the checksum computed?");
    const answer = await createAnswer(other, id, { body: `The NIC does it, ${answeredWith} aside.` });
    assert.deepEqual(idsOf(await searchQuestions({ q: askedWith })), [id]);
    assert.deepEqual(idsOf(await searchQuestions({ q: answeredWith })), [id]);

    await editQuestion(asker, id, { title: `Checksums in ${fresh} headers`, body: "Where is the checksum computed?", categoryId: await someCategoryId(), tags: "" });
    await editAnswer(other, answer.id, { body: `The NIC computes it, ${fresh} offload.` });
    assert.deepEqual(idsOf(await searchQuestions({ q: askedWith })), []);
    assert.deepEqual(idsOf(await searchQuestions({ q: answeredWith })), []);
    const r = await searchQuestions({ q: fresh });
    assert.deepEqual(idsOf(r), [id]);
    assert.match(r.hits[0]!.titleHtml, new RegExp(`<mark>${fresh}</mark>`));
  });

  test("operators, quotes and SQL-looking text never error", async () => {
    for (const q of ["' OR 1=1 --", "tcp & | !", '"unterminated', "-", "a:b", "'); DROP TABLE \"Question\"; --", "\\", "the", "!!!", "<->", `${word}*`, "x".repeat(200)]) {
      const r = await searchQuestions({ q });
      assert.ok(Array.isArray(r.hits), q);
    }
    assert.deepEqual(idsOf(await searchQuestions({ q: `"${word} window scaling"` })), [ids.title]);
    // ts_rank weighs negated terms oddly; only which questions match matters here.
    assert.deepEqual(idsOf(await searchQuestions({ q: `${word} -neighbours` })).sort((a, b) => a - b), [ids.title, ids.body].sort((a, b) => a - b));
    assert.equal((await db.question.count({ where: { id: ids.other } })), 1);
  });

  test("a hyphenated word is searched by its compound, with the same matches as the phrase", async () => {
    assert.equal(simplifyCompounds("'keep-al' <-> 'keep' <-> 'aliv' & 'dns'"), "'keep-al' & 'dns'");
    assert.equal(simplifyCompounds("'head-of-lin' <-> 'head' <2> 'line'"), "'head-of-lin'");
    assert.equal(simplifyCompounds("!( 'wi-fi' <-> 'wi' <-> 'fi' ) | 'x'"), "! ( 'wi-fi' ) | 'x'");
    assert.equal(simplifyCompounds("'load' & 'balanc' & 'load' & 'balanc'"), "'load' & 'balanc'");
    // Inside a longer phrase the positions matter: left alone.
    assert.equal(simplifyCompounds("'tcp' <-> 'keep-al' <-> 'keep' <-> 'aliv'"), "'tcp' <-> 'keep-al' <-> 'keep' <-> 'aliv'");
    assert.equal(simplifyCompounds("'keep-al' <-> 'keep' <-> 'aliv' <-> 'timeout'"), "'keep-al' <-> 'keep' <-> 'aliv' <-> 'timeout'");
    const hyphenWord = `${word}-keepalive`;
    const id = await ask(other, `Hyphenated words in search ${uniqueName("x")}`, `Our proxy drops ${hyphenWord} probes after a minute; ${word} keepalive otherwise.`);
    assert.deepEqual(idsOf(await searchQuestions({ q: hyphenWord })), [id]);
    assert.deepEqual(idsOf(await searchQuestions({ q: `"${word} keepalive"` })), [id]);
    assert.match((await searchQuestions({ q: hyphenWord })).hits[0]!.snippetHtml, /<mark>/);
    await db.question.update({ where: { id }, data: { deletedAt: new Date() } });
  });

  test("an empty or blank query searches nothing", async () => {
    const none = { hits: [], total: 0, totalIsExact: true, hasMore: false };
    assert.deepEqual(await searchQuestions({ q: "" }), none);
    assert.deepEqual(await searchQuestions({ q: "   \n " }), none);
  });

  test("query strings are parsed forgivingly: long text is cut, NUL dropped, bad values ignored", () => {
    const p = parseSearchParams({ q: `${"y".repeat(250)}\u0000`, answered: "maybe", best: "1", tag: "C++", page: "x" });
    assert.equal(p.q.length, 200);
    assert.equal(p.truncated, true);
    assert.equal(p.answered, undefined);
    assert.equal(p.best, true);
    assert.equal(p.tag, "c++");
    assert.equal(parseSearchParams({ q: ["a", "b"] }).q, "a");
  });

  test("a window the questions' own text fills leaves answer-only matches out, yet answers still rank and show", async () => {
    const fillWord = uniqueName("zf");
    const filled: number[] = [];
    for (let i = 0; i < SEARCH_POOL + 1; i++) filled.push(await ask(asker, `Filler question ${i} ${uniqueName("x")}`, `A body that says ${fillWord} once and nothing else.`));
    // An older question whose answer says the word too, and a newer one only its answer matches.
    await createAnswer(other, filled[3]!, { body: `Yes: ${fillWord}, and ${fillWord} again.` });
    const onlyAnswer = await ask(asker, `Nothing here matches ${uniqueName("x")}`, "Nothing in this body matches the search at all.");
    await createAnswer(other, onlyAnswer, { body: `But this answer says ${fillWord}.` });

    // The newest questions only (more are there to page through): the block is full without answers.
    const windowed = await searchQuestions({ q: fillWord }, { firstWindow: SEARCH_POOL + 2 });
    assert.equal(windowed.hits[0]!.id, filled[3], "the matching answer still lifts its question");
    assert.match(windowed.hits[0]!.answerSnippetHtml ?? "", new RegExp(`<mark>${fillWord}</mark>`));
    assert.deepEqual([windowed.total, windowed.totalIsExact, windowed.hasMore], [SEARCH_POOL + 1, false, true], "only the questions' own matches are counted");

    // Over every question, answers are searched until the questions fill the block four times.
    const all = await searchQuestions({ q: fillWord, page: 3 }, { firstWindow: Number.MAX_SAFE_INTEGER });
    assert.deepEqual([all.total, all.totalIsExact], [SEARCH_POOL + 2, true]);
    const pages = [1, 2, 3, 4].map((page) => searchQuestions({ q: fillWord, page }, { firstWindow: Number.MAX_SAFE_INTEGER }));
    assert.ok((await Promise.all(pages)).some((r) => idsOf(r).includes(onlyAnswer)));
    await db.question.updateMany({ where: { id: { in: [...filled, onlyAnswer] } }, data: { deletedAt: new Date() } });
  });

  test("pages of 20 in blocks ranked by relevance, newest blocks first, without repeats or gaps", async () => {
    const pageWord = uniqueName("zp");
    const created: number[] = [];
    for (let i = 0; i < SEARCH_POOL + 5; i++) {
      // Every other question has the word in its title too: those rank first within a block.
      const title = i % 2 ? `Paging question ${i} about ${pageWord}` : `Paging question number ${i}`;
      created.push(await ask(i % 3 ? asker : other, title, `The same body for every paging question, ${pageWord}.`));
    }
    await ask(asker, `A newer question about something else ${uniqueName("x")}`, "It pushes the newest matches out of a tiny first window.");
    const newestFirst = [...created].reverse();
    const block = (ids: number[]) => [...ids.filter((id) => created.indexOf(id) % 2 === 1), ...ids.filter((id) => created.indexOf(id) % 2 === 0)];
    const expected = [...block(newestFirst.slice(0, SEARCH_POOL)), ...block(newestFirst.slice(SEARCH_POOL))];
    const pages = Math.ceil(expected.length / SEARCH_PAGE_SIZE);
    for (const firstWindow of [5_000, 3, 40]) {
      const seen: number[] = [];
      for (let page = 1; page <= pages + 1; page++) {
        const r = await searchQuestions({ q: pageWord, page }, { firstWindow });
        if (page <= pages) assert.equal(r.hits.length, Math.min(SEARCH_PAGE_SIZE, expected.length - seen.length), `page ${page}`);
        if (page < pages) assert.equal(r.hasMore, true);
        seen.push(...idsOf(r));
      }
      assert.deepEqual(seen, expected, `first window ${firstWindow}`);
    }
    const first = await searchQuestions({ q: pageWord, page: 1 });
    assert.deepEqual([first.total, first.totalIsExact], [expected.length, true]);
    const last = await searchQuestions({ q: pageWord, page: pages });
    assert.equal(last.hasMore, false);
    assert.equal(last.total, expected.length);
    assert.deepEqual(await searchQuestions({ q: pageWord, page: pages + 1 }), { hits: [], total: expected.length, totalIsExact: true, hasMore: false });
  });
});
