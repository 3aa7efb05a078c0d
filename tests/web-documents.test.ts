/**
 * What the forum tells search engines, feed readers and link previews (issue 24): the thread's
 * QAPage JSON-LD (with and without a best answer, and for one page of a paginated thread),
 * its canonical, description and Open Graph tags; the sitemap split into files, robots.txt,
 * the Atom feeds (parsed with a real XML parser), the preview image and the icons, served by
 * the front door over HTTP from real data.
 */
process.env.SITEMAP_URLS_PER_FILE = "2";
process.env.PREVIEW_IMAGES_PER_MINUTE = "4";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { addComment } from "../lib/commands/comment";
import { selectBestAnswer } from "../lib/commands/select-best-answer";
import { db } from "../lib/db";
import { invalidateQuestion } from "../lib/page-cache";
import { jsonForScript, qaPageJsonLd, type JsonLdAnswer } from "../lib/web/qa-page-json-ld";
import { absoluteUrl, __test as siteUrl } from "../lib/web/site-url";
import { el, renderXml } from "../lib/web/xml";
import { loadPublicThread } from "../lib/data/thread-cache";
import { frontDoor } from "../server/front-door";
import { withoutScripts } from "../server/plain-html";
import { contentSecurityPolicyFor } from "../server/security-headers";
import { threadPageHtml } from "../server/thread-page";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { answerAs, member, someCategoryId } from "./helpers/fixtures";
import { createQuestion } from "../lib/commands/create-question";

const assets = { script: "/_forum/thread-page.test.js", stylesheet: "/_forum/forum.test.css" };
const HOSTILE = `</script><script>alert(1)</script> & "q" <!--`;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "url", "sitemap", "category", "link"].includes(name) });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Google's required and recommended properties of a QAPage's Question and its answers. */
function checkQaPage(ld: Json, { answerCount, best }: { answerCount: number; best: boolean }) {
  assert.equal(ld["@context"], "https://schema.org");
  assert.equal(ld["@type"], "QAPage");
  const q = ld.mainEntity;
  assert.equal(q["@type"], "Question");
  for (const key of ["name", "text", "answerCount", "upvoteCount", "datePublished", "dateModified", "author", "commentCount"]) assert.ok(key in q, `Question.${key}`);
  assert.equal(q.answerCount, answerCount);
  assert.ok(q.author.name && /^https?:\/\//.test(q.author.url), "the asker with a url");
  assert.equal("acceptedAnswer" in q, best, best ? "the pick is the acceptedAnswer" : "no acceptedAnswer without a pick");
  const answers = [...(q.acceptedAnswer ? [q.acceptedAnswer] : []), ...(q.suggestedAnswer ?? [])];
  for (const a of answers) {
    assert.equal(a["@type"], "Answer");
    for (const key of ["text", "url", "author", "datePublished", "upvoteCount", "commentCount"]) assert.ok(key in a, `Answer.${key}`);
    assert.match(a.url, /^https?:\/\/[^#]+\/questions\/\d+\/[^#]*#answer-\d+$/, "a link straight to the answer");
    assert.ok(a.author.name && a.author.url);
    assert.ok(!Number.isNaN(Date.parse(a.datePublished)));
  }
  return answers;
}

describe("QAPage JSON-LD", () => {
  const at = new Date("2026-01-02T03:04:05Z");
  const answer = (id: number, score = 0): JsonLdAnswer => ({ id, bodyHtml: `<p>Answer <b>${id}</b> &amp; more</p>`, score, createdAt: at, updatedAt: at, author: { username: `a${id}` } });
  const question = (bestAnswerId: number | null) => ({ id: 9, slug: "why", title: `Why? ${HOSTILE}`, bodyHtml: "<p>Because &lt;reasons&gt;</p>", score: 4, createdAt: at, updatedAt: at, bestAnswerId, author: { username: "asker" } });
  const counts = { question: 2, answers: { 1: 3 } };

  test("without a best answer every answer is a suggestedAnswer", () => {
    const ld: Json = qaPageJsonLd({ question: question(null), answers: [answer(1), answer(2)], answerCount: 2, commentCounts: counts });
    const answers = checkQaPage(ld, { answerCount: 2, best: false });
    assert.deepEqual(ld.mainEntity.suggestedAnswer.map((a: Json) => a.url), [absoluteUrl("/questions/9/why#answer-1"), absoluteUrl("/questions/9/why#answer-2")]);
    assert.equal(answers[0].commentCount, 3);
    assert.equal(answers[1].commentCount, 0);
    assert.equal(answers[0].text, "Answer 1 & more", "plain text, references decoded");
    assert.equal(ld.mainEntity.text, "Because <reasons>");
  });

  test("a best answer is the acceptedAnswer and not also suggested", () => {
    const ld: Json = qaPageJsonLd({ question: question(2), answers: [answer(2), answer(1)], answerCount: 2, commentCounts: counts });
    checkQaPage(ld, { answerCount: 2, best: true });
    assert.equal(ld.mainEntity.acceptedAnswer.url, absoluteUrl("/questions/9/why#answer-2"));
    assert.deepEqual(ld.mainEntity.suggestedAnswer.map((a: Json) => a.url), [absoluteUrl("/questions/9/why#answer-1")]);
  });

  test("one page of a paginated thread counts every answer and keeps the pick from another page", () => {
    const ld: Json = qaPageJsonLd({ question: question(7), answers: [answer(3), answer(4)], answerCount: 12, bestAnswer: answer(7, 9), commentCounts: counts });
    checkQaPage(ld, { answerCount: 12, best: true });
    assert.equal(ld.mainEntity.acceptedAnswer.upvoteCount, 9);
    assert.equal(ld.mainEntity.suggestedAnswer.length, 2);
  });

  test("a pick that is not on the page and not given is left out, never made up", () => {
    const ld: Json = qaPageJsonLd({ question: question(7), answers: [answer(3)], answerCount: 5, commentCounts: counts });
    assert.ok(!("acceptedAnswer" in ld.mainEntity));
  });

  test("the JSON cannot end its script element and reads back the same", () => {
    const value = { title: HOSTILE, sep: "\u2028\u2029" };
    const json = jsonForScript(value);
    assert.ok(!/[<>&\u2028\u2029]/.test(json));
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe("SITE_URL", () => {
  test("an origin, with or without a path, never a made-up one", () => {
    assert.equal(siteUrl.parseSiteUrl("https://forum.example.org/"), "https://forum.example.org");
    assert.equal(siteUrl.parseSiteUrl("https://example.org/forum/"), "https://example.org/forum");
    assert.match(siteUrl.parseSiteUrl(undefined), /^http:\/\/localhost:\d+$/);
    assert.throws(() => siteUrl.parseSiteUrl("forum.example.org"), /SITE_URL/);
    assert.throws(() => siteUrl.parseSiteUrl("javascript:alert(1)"), /SITE_URL/);
  });
});

test("the XML builder escapes every text and attribute and drops what XML cannot hold", () => {
  const xml = renderXml(el("a", { t: `"<&>'\n` }, `<b>&</b>\u0000\u0008ok`, el("c", {})));
  assert.equal(XMLValidator.validate(xml), true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true, htmlEntities: true, trimValues: false }).parse(xml);
  assert.equal(parsed.a["#text"], "<b>&</b>ok");
  assert.equal(parsed.a["@t"], `"<&>'\n`);
});

describe("served by the front door, from real data", () => {
  let server: http.Server;
  let base = "";
  const ids: { plain: number; picked: number; best: number; tag: string; others: number[] } = { plain: 0, picked: 0, best: 0, tag: "", others: [] };

  before(async () => {
    await openTestDatabase();
    const asker = await member();
    const answerer = await member();
    const categoryId = await someCategoryId();
    ids.tag = uniqueName("t").toLowerCase();
    const ask = (title: string) => createQuestion(asker, { title, body: `The body of it: **bold** ${HOSTILE} and more words to read.`, categoryId, tags: `${ids.tag} feeds` });
    ids.plain = (await ask(`A question without a pick ${HOSTILE}`)).id;
    ids.picked = (await ask("A question with a best answer")).id;
    await answerAs(answerer, ids.plain, "A first answer.");
    await answerAs(answerer, ids.plain, "A second answer.");
    ids.best = (await answerAs(answerer, ids.picked, "The answer that was picked.")).id;
    await answerAs(asker, ids.picked, "Another answer by the asker.");
    await addComment(asker, { postType: "answer", postId: ids.best, body: "Thanks, that settles it." });
    await selectBestAnswer(asker, ids.best);
    for (let i = 0; i < 3; i++) ids.others.push((await ask(`Filler question number ${i} for the sitemap`)).id);
    const notFound = (_req: http.IncomingMessage, res: http.ServerResponse) => {
      res.statusCode = 404;
      res.end("not found");
    };
    server = http.createServer(frontDoor(notFound, notFound));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((r) => server.close(r));
    await closeTestDatabase();
  });

  const get = (path: string) => fetch(`${base}${path}`, { redirect: "manual" });
  const questionUrl = async (id: number) => {
    const { slug } = await db.question.findUniqueOrThrow({ where: { id }, select: { slug: true } });
    return `/questions/${id}/${slug}`;
  };
  /** The page as a signed-out reader (a crawler) gets it: plain HTML, with its CSP. */
  async function threadHead(id: number) {
    const shared = (await loadPublicThread(id, "votes"))!;
    const html = withoutScripts(Buffer.from(threadPageHtml({ shared, reader: null, order: "votes", opened: {}, notice: null, assets })));
    const { document } = parseHTML(html.toString());
    const scripts = [...document.querySelectorAll("script[type='application/ld+json']")];
    assert.equal(scripts.length, 1, "signed-out pages keep their JSON-LD");
    assert.ok(!contentSecurityPolicyFor(html).includes("sha256-"), "a data block needs no hash: nothing runs");
    return { document, ld: JSON.parse(scripts[0]!.textContent!) as Json };
  }

  test("a thread without a pick: QAPage, canonical, description, Open Graph and Twitter", async () => {
    const { document, ld } = await threadHead(ids.plain);
    checkQaPage(ld, { answerCount: 2, best: false });
    assert.equal(ld.mainEntity.name, `A question without a pick ${HOSTILE}`);
    const meta = (sel: string) => document.querySelector(sel)?.getAttribute("content");
    const canonical = document.querySelector("link[rel=canonical]")?.getAttribute("href");
    assert.equal(canonical, absoluteUrl(await questionUrl(ids.plain)));
    assert.equal(meta("meta[property='og:url']"), canonical);
    const description = meta("meta[name=description]")!;
    assert.ok(description.startsWith("The body of it: bold"), description);
    assert.ok(description.length <= 155);
    assert.equal(meta("meta[property='og:title']"), `A question without a pick ${HOSTILE}`);
    assert.equal(meta("meta[name='twitter:card']"), "summary_large_image");
    const image = meta("meta[property='og:image']")!;
    assert.match(image, /\/og\/questions\/\d+\.png\?v=\w+$/);
    assert.equal(document.querySelector("link[rel=alternate][type='application/atom+xml'][href^='/feeds/questions/']")?.getAttribute("href"), `/feeds/questions/${ids.plain}.atom`);
    assert.ok(document.querySelector("link[rel=icon][href='/favicon.ico']"));

    const png = await get(new URL(image).pathname + new URL(image).search);
    assert.equal(png.status, 200);
    assert.equal(png.headers.get("content-type"), "image/png");
    assert.match(png.headers.get("cache-control")!, /immutable/, "this title's image never changes");
    const bytes = Buffer.from(await png.arrayBuffer());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.equal(bytes.readUInt32BE(16), 1200);
    assert.equal(bytes.readUInt32BE(20), 630);
    assert.equal((await get("/og/questions/999999.png")).status, 404);
  });

  test("a thread with a best answer: the pick is the acceptedAnswer, with its comment counted", async () => {
    const { ld } = await threadHead(ids.picked);
    checkQaPage(ld, { answerCount: 2, best: true });
    assert.match(ld.mainEntity.acceptedAnswer.url, new RegExp(`#answer-${ids.best}$`));
    assert.equal(ld.mainEntity.acceptedAnswer.commentCount, 1);
    assert.equal(ld.mainEntity.suggestedAnswer.length, 1);
  });

  test("the sitemap: an index of files of at most SITEMAP_URLS_PER_FILE addresses, every question, tag and category in them", async () => {
    const res = await get("/sitemap.xml");
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type")!, /xml/);
    const text = await res.text();
    assert.equal(XMLValidator.validate(text), true);
    const index = parser.parse(text).sitemapindex;
    assert.equal(index["@xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
    const files = (index.sitemap as Json[]).map((s) => new URL(s.loc).pathname);
    const questionCount = await db.question.count({ where: { deletedAt: null, hiddenAt: null } });
    assert.equal(files.filter((f) => f.startsWith("/sitemaps/questions-")).length, Math.ceil(questionCount / 2));
    const locs: string[] = [];
    for (const file of files) {
      const body = await (await get(file)).text();
      assert.equal(XMLValidator.validate(body), true, file);
      const urls = (parser.parse(body).urlset.url ?? []) as Json[];
      assert.ok(urls.length <= 2, `${file} holds at most 2`);
      locs.push(...urls.map((u) => u.loc as string));
    }
    assert.ok(locs.includes(absoluteUrl(await questionUrl(ids.plain))));
    assert.ok(locs.includes(absoluteUrl(`/tags/${ids.tag}`)));
    assert.ok(locs.includes(absoluteUrl("/categories/test-category")));
    assert.equal(new Set(locs).size, locs.length, "each address once");
    assert.equal((await get("/sitemaps/questions-999999.xml")).status, 404);
  });

  test("robots.txt allows the site, keeps out private paths and names the sitemap", async () => {
    const text = await (await get("/robots.txt")).text();
    assert.match(text, /^User-agent: \*$/m);
    for (const path of ["/admin", "/settings", "/api/"]) assert.match(text, new RegExp(`^Disallow: ${path}$`, "m"));
    assert.match(text, new RegExp(`^Sitemap: ${absoluteUrl("/sitemap.xml")}$`, "m"));
  });

  async function feed(path: string) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-type")!, /^application\/atom\+xml/);
    const text = await res.text();
    assert.equal(XMLValidator.validate(text), true);
    const f = parser.parse(text).feed as Json;
    assert.equal(f["@xmlns"], "http://www.w3.org/2005/Atom");
    for (const key of ["id", "title", "updated"]) assert.ok(f[key], `feed ${key}`);
    assert.ok((f.link as Json[]).some((l) => l["@rel"] === "self"));
    for (const e of (f.entry ?? []) as Json[]) {
      for (const key of ["id", "title", "updated", "author"]) assert.ok(e[key], `entry ${key}`);
      assert.ok(e.author.name);
    }
    return f;
  }

  test("Atom feeds: the newest questions, a tag's, and a question's answers", async () => {
    const newest = await feed("/feeds/questions.atom");
    assert.equal(newest.entry[0].title, "Filler question number 2 for the sitemap");
    const tagged = await feed(`/feeds/tags/${ids.tag}.atom`);
    assert.equal(tagged.entry.length, 5);
    const plain = tagged.entry.find((e: Json) => e.title === `A question without a pick ${HOSTILE}`);
    assert.ok(plain, "a hostile title comes back as the same text");
    assert.match(plain.content["#text"], /<strong>bold<\/strong>/, "the body as escaped HTML content");
    const answers = await feed(`/feeds/questions/${ids.picked}.atom`);
    assert.equal(answers.entry.length, 2);
    assert.ok(answers.entry.some((e: Json) => e.title.startsWith("Best answer by") && e.link[0]["@href"].endsWith(`#answer-${ids.best}`)));
    assert.equal((await get("/feeds/tags/no-such-tag-here.atom")).status, 404);
    assert.equal((await get("/feeds/questions/999999.atom")).status, 404);
  });

  test("a new answer shows in its question's feed at once (the page cache's tags drop it)", async () => {
    await feed(`/feeds/questions/${ids.plain}.atom`);
    await answerAs(await member(), ids.plain, "A third answer, after the feed was read.");
    const after = await feed(`/feeds/questions/${ids.plain}.atom`);
    assert.equal(after.entry.length, 3);
  });

  test("preview images not drawn yet are limited per address; drawn ones are not", async () => {
    const ids = (await db.question.findMany({ where: { deletedAt: null, hiddenAt: null }, select: { id: true } })).map((q) => q.id);
    // A new title is a new image to draw: the fifth in a minute (the first test drew one) waits.
    const statuses: number[] = [];
    for (let round = 0; statuses.filter((s) => s === 429).length === 0 && round < 10; round++) {
      const title = `Renamed for a new image ${round}`;
      await db.question.update({ where: { id: ids[round % ids.length]! }, data: { title } });
      invalidateQuestion(ids[round % ids.length]!);
      statuses.push((await get(`/og/questions/${ids[round % ids.length]}.png`)).status);
    }
    assert.ok(statuses.includes(429), "an address that draws image after image is told to wait");
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const drawn = (await db.question.findUniqueOrThrow({ where: { id: ids[0]! }, select: { id: true } })).id;
    assert.equal((await get(`/og/questions/${drawn}.png`)).status, 200, "an image already drawn is served to anyone");
  });

  test("the icons", async () => {
    const ico = await get("/favicon.ico");
    assert.equal(ico.headers.get("content-type"), "image/x-icon");
    const bytes = Buffer.from(await ico.arrayBuffer());
    assert.deepEqual([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4)], [0, 1, 1]);
    assert.equal((await get("/icon.svg")).headers.get("content-type"), "image/svg+xml");
    const touch = Buffer.from(await (await get("/apple-touch-icon.png")).arrayBuffer());
    assert.equal(touch.readUInt32BE(16), 180);
  });
});
