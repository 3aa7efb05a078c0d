/**
 * The hostile corpus (security/lib/hostile-corpus.ts) through the fields a member writes —
 * question title and body, answer, comment, tag, username, display name, flag note, a
 * moderator's reason, search query — written through the
 * commands (many payloads per post where the field allows), then read back: the stored text
 * equals the input (a field that trims is compared trimmed; a refusal with a clear AppError is
 * counted as a documented refusal), and in a real browser (Debian's Chromium through
 * playwright-core) every page that shows them renders (200, main content) with no dialog, no
 * console error and no request to any host but the forum's: the public pages signed out, and
 * the moderator's flag queue, inboxes and the audit log signed in as the staff who see them.
 * `npm test` runs a quick slice; `npm run test:security` the whole corpus (SECURITY_FULL_CORPUS=1).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { encode } from "next-auth/jwt";
import { chromium, type Browser } from "playwright-core";
import { signUp } from "../lib/commands/accounts";
import { changeDisplayName } from "../lib/commands/account-settings";
import { setQuestionDeleted } from "../lib/commands/moderate-posts";
import { addComment } from "../lib/commands/comment";
import { createAnswer } from "../lib/commands/create-answer";
import { createQuestion } from "../lib/commands/create-question";
import { flagPost } from "../lib/commands/flags";
import { db } from "../lib/db";
import { startDatabase, stopDatabase } from "../lib/db/start";
import { AppError } from "../lib/errors";
import { startForum, stopForum, type Forum } from "../reliability/lib/forum-process";
import { TEST_AUTH_SECRET } from "../reliability/lib/members";
import { chromiumPath } from "../scripts/chromium-path.mjs";
import { startMarkdownWorkers, stopMarkdownWorkers } from "../server/markdown-workers";
import { hostileStrings } from "./lib/hostile-corpus";

const full = process.env.SECURITY_FULL_CORPUS === "1";
const corpus = full ? hostileStrings() : hostileStrings().slice(0, 60).concat(hostileStrings().slice(-62));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-hostile-"));
let forum: Forum;
const pages = new Set<string>();
let tried = 0;
let refused = 0;
const failures: string[] = [];

/** Pages only staff see, each with the session cookie of the staff member who sees it. */
const staffPages: { url: string; cookie: string }[] = [];

async function staff(username: string, role: "MODERATOR" | "ADMIN") {
  const user = await db.user.create({ data: { username, usernameKey: username.toLowerCase(), email: `${username}@example.test`, role }, select: { id: true, role: true, suspendedUntil: true, points: true, username: true, sessionVersion: true } });
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, name: user.username, sub: String(user.id) }, secret: TEST_AUTH_SECRET, salt: "authjs.session-token", maxAge: 24 * 3600 });
  return { ...user, cookie: token };
}

/** The tags a tag field's text becomes (split on spaces and commas, lower-cased, once each). */
const tagsOf = (text: string) => [...new Set(text.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();

/** Runs one write; an AppError is a documented refusal, anything else a failure. */
async function attempt<T>(field: string, value: string, write: () => Promise<T>): Promise<T | null> {
  tried++;
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError) {
      refused++;
      return null;
    }
    failures.push(`${field} ${JSON.stringify(value).slice(0, 60)}: ${(e as Error).message.slice(0, 160)}`);
    return null;
  }
}

function roundTrip(field: string, input: string, stored: string | null | undefined) {
  if (stored !== input && stored !== input.trim()) failures.push(`${field} ${JSON.stringify(input).slice(0, 60)} came back as ${JSON.stringify(stored).slice(0, 60)}`);
}

before(async () => {
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: TEST_AUTH_SECRET, ...(process.env.FORUM_TEST_PORT ? { PORT: process.env.FORUM_TEST_PORT } : {}) };
  await stopForum(await startForum(env));
  await startDatabase({ kind: "pglite", dataDir });
  startMarkdownWorkers();
  try {
    const stamp = Date.now().toString(36);
    const author = await staff(`hostA${stamp}`, "ADMIN");
    const other = await staff(`hostB${stamp}`, "MODERATOR");
    const categoryId = (await db.category.findFirstOrThrow({ select: { id: true } })).id;
    // Bodies carry many payloads each (one per paragraph), titles one each.
    const chunks: string[][] = [];
    for (let i = 0; i < corpus.length; i += 25) chunks.push(corpus.slice(i, i + 25));
    const carrier = await createQuestion(author, { title: "A thread that carries the hostile corpus", body: "Answers and comments below carry hostile strings.", categoryId, tags: "security" });
    pages.add(`/questions/${carrier.id}`);
    for (const value of corpus) {
      const q = await attempt("title", value, () => createQuestion(author, { title: value, body: "A body long enough for the title's test.", categoryId, tags: "security" }));
      if (q) {
        roundTrip("title", value, (await db.question.findUnique({ where: { id: q.id }, select: { title: true } }))?.title);
        if (pages.size < (full ? 10_000 : 40)) pages.add(`/questions/${q.id}`);
      }
      const c = await attempt("comment", value, () => addComment(other, { postType: "question", postId: carrier.id, body: value }));
      if (c) roundTrip("comment", value, (await db.comment.findUnique({ where: { id: (c as { id: number }).id }, select: { bodyMd: true } }))?.bodyMd);
    }
    for (const chunk of chunks) {
      const body = chunk.join("\n\n");
      const q = await attempt("body", body, () => createQuestion(author, { title: `Hostile bodies ${chunks.indexOf(chunk)}`, body, categoryId, tags: "security" }));
      if (q) {
        roundTrip("body", body, (await db.question.findUnique({ where: { id: q.id }, select: { bodyMd: true } }))?.bodyMd);
        pages.add(`/questions/${q.id}`);
        const a = await attempt("answer", body, () => createAnswer(other, q.id, { body }));
        if (a) roundTrip("answer", body, (await db.answer.findUnique({ where: { id: a.id }, select: { bodyMd: true } }))?.bodyMd);
        for (const value of chunk) {
          await attempt("flag note", value, () => flagPost(other, { postType: "question", postId: q.id, reason: "NEEDS_ATTENTION", note: value }));
          // A flag is one per member and post: the rest of the chunk is refused as a repeat, which tests only the refusal.
          break;
        }
      } else {
        // One payload refused the chunk: try its payloads one by one so the others still go through.
        for (const value of chunk) {
          const one = await attempt("body", value, () => createQuestion(author, { title: "Hostile body, one payload", body: value, categoryId, tags: "security" }));
          if (one) pages.add(`/questions/${one.id}`);
        }
      }
    }
    const sample = full ? corpus : corpus.slice(0, 40);
    for (const [i, value] of corpus.entries()) {
      // Tags, usernames and display names: strict or bounded fields; what they take must come back exactly.
      const t = await attempt("tag", value, () => createQuestion(author, { title: `A question tagged with hostile text ${i}`, body: "The tags of this question come from the corpus.", categoryId, tags: value }));
      if (t) {
        const stored = (await db.questionTag.findMany({ where: { questionId: t.id }, select: { tag: { select: { name: true } } } })).map((x) => x.tag.name).sort();
        if (JSON.stringify(stored) !== JSON.stringify(tagsOf(value))) failures.push(`tag ${JSON.stringify(value).slice(0, 60)} came back as ${JSON.stringify(stored).slice(0, 60)}`);
        for (const name of stored) if (pages.size < (full ? 10_000 : 80)) pages.add(`/tags/${encodeURIComponent(name)}`);
      }
      const u = await attempt("username", value, () => signUp({ username: value, email: `hostile${i}@example.test`, password: "a long hostile-corpus passphrase" }));
      if (u) {
        roundTrip("username", value, u.username);
        pages.add(`/users/${encodeURIComponent(u.username)}`);
      }
    }
    for (const [i, value] of sample.entries()) {
      const member = await staff(`hostD${stamp}${i}`, "MODERATOR");
      if (await attempt("display name", value, () => changeDisplayName(member, { displayName: value }))) {
        roundTrip("display name", value, (await db.user.findUnique({ where: { id: member.id }, select: { displayName: true } }))?.displayName);
      }
      pages.add(`/users/hostD${stamp}${i}`);
      // A moderator's reason reaches the author's inbox and the audit log.
      const doomed = await createQuestion(author, { title: `A question removed with a hostile reason ${i}`, body: "Removed by a moderator, who gives a reason from the corpus.", categoryId, tags: "security" });
      await attempt("moderator's reason", value, () => setQuestionDeleted(other, { questionId: doomed.id, reason: value }, true));
    }
    staffPages.push({ url: "/moderation", cookie: other.cookie }, { url: "/inbox", cookie: author.cookie }, { url: "/inbox", cookie: other.cookie }, { url: "/admin/audit", cookie: author.cookie }, { url: "/admin/members", cookie: author.cookie });
  } finally {
    await stopMarkdownWorkers();
    await stopDatabase();
  }
  forum = await startForum(env);
  // Search results for a sample of the corpus (the query is a field a visitor writes).
  for (const value of corpus.slice(0, full ? corpus.length : 30)) pages.add(`/search?q=${encodeURIComponent(value.slice(0, 200))}`);
  pages.add("/tags/security");
});

after(async () => {
  if (forum) await stopForum(forum);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("hostile strings in every member field: stored exactly, and no page runs them", { timeout: 30 * 60_000 }, async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
  let visited = 0;
  try {
    visited += await visit(browser, [...pages], null);
    for (const { url, cookie } of staffPages) visited += await visit(browser, [url], cookie);
  } finally {
    await browser.close();
  }
  const fields = new Set(["title", "body", "answer", "comment", "flag note", "tag", "username", "display name", "moderator's reason", "search query"]);
  console.log(`hostile corpus: ${corpus.length} inputs × ${fields.size} fields; ${tried} writes tried (${refused} refused with a clear message); ${visited} pages visited in Chromium (${staffPages.length} as staff); ${failures.length} failures`);
  assert.deepEqual(failures.slice(0, 30), []);
});

/** Visits `urls` in a fresh context (signed in when `cookie` is given), failing on any sign of a payload running. */
async function visit(browser: Browser, urls: string[], cookie: string | null): Promise<number> {
  const forumHost = new URL(forum.url).host;
  const context = await browser.newContext();
  if (cookie) await context.addCookies([{ name: "authjs.session-token", value: cookie, url: forum.url }]);
  const page = await context.newPage();
  let current = "";
  page.on("dialog", async (d) => {
    failures.push(`${current}: a dialog opened (${d.message().slice(0, 60)})`);
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error") failures.push(`${current}: console error ${m.text().slice(0, 120)}`);
  });
  page.on("pageerror", (e) => failures.push(`${current}: page error ${e.message.slice(0, 120)}`));
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith("http") && url.host !== forumHost) {
      failures.push(`${current}: request to ${url.href.slice(0, 100)}`);
      return route.abort();
    }
    return route.continue();
  });
  for (const url of urls) {
    current = cookie ? `${url} (staff)` : url;
    const res = await page.goto(`${forum.url}${url}`, { waitUntil: "load" });
    if (res?.status() !== 200) failures.push(`${current}: status ${res?.status()}`);
    else if (cookie && new URL(page.url()).pathname !== url) failures.push(`${current}: sent to ${page.url()} (not signed in?)`);
    else if ((await page.locator("main").count()) === 0) failures.push(`${current}: no main content`);
  }
  await context.close();
  return urls.length;
}
