/**
 * The permission matrix (issue 25, "Forged requests"): every mutation entry point of the forum —
 * each route handler under app/api that takes a write (found by walking the directory, so a new
 * one fails this test until it has a row) and each thread action — tried as {signed out, member,
 * owner, moderator, admin, suspended} against the built server over HTTP, with session cookies
 * minted as Auth.js mints them. The targets include what no page of the forum would ever send:
 * other members' posts, deleted posts, locked threads, closed questions.
 *
 * Each expected outcome is computed from the product's rules (lib/permissions.ts, lib/rules.ts
 * privileges, and the guard: a suspended member writes nothing), never copied from the result.
 * It prints the matrix and fails on any unexpected allow (and on any unexpected deny, or a 5xx).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { encode } from "next-auth/jwt";
import { createComment } from "./lib/permission-fixtures";
import { createAnswer } from "../lib/commands/create-answer";
import { createQuestion } from "../lib/commands/create-question";
import { deleteAnswer } from "../lib/commands/delete-answer";
import type { Actor } from "../lib/commands/guard";
import { setQuestionDeleted } from "../lib/commands/moderate-posts";
import { closeQuestion, setThreadLocked } from "../lib/commands/moderate-thread";
import { selectBestAnswer } from "../lib/commands/select-best-answer";
import { createApiToken } from "../lib/commands/api-tokens";
import { db } from "../lib/db";
import { startDatabase, stopDatabase } from "../lib/db/start";
import { isModerator, mayCommentOn, mayDeleteAnswer, mayDeleteComment, mayEditComment, mayFlag, mayPickBestAnswer, voteRefusal, votePointsRefusal } from "../lib/permissions";
import { grantPoints } from "../lib/points";
import { hasPrivilege } from "../lib/rules";
import { root, startForum, stopForum, type Forum } from "../reliability/lib/forum-process";
import { TEST_AUTH_SECRET } from "../reliability/lib/members";
import { startMarkdownWorkers, stopMarkdownWorkers } from "../server/markdown-workers";

const roles = ["signed out", "member", "owner", "moderator", "admin", "suspended"] as const;
type RoleName = (typeof roles)[number];
/** Every signed-in role holds this many points: past voteUp and commentEverywhere, short of voteDown, uploadImages and editOthersPosts. */
const POINTS = 5;
const COOKIE = "authjs.session-token";

type Who = { role: RoleName; actor: (Actor & { username: string; cookie: string; token: string }) | null };
/** The rule's view of the acting member: null when signed out. */
type RuleActor = { id: number; role: string; points: number } | null;
type Target = Record<string, string> & { authorId: string };

type Case = {
  /** The entry point: "POST /api/votes". */
  entry: string;
  /** What is tried, in the words of the rule. */
  what: string;
  /** Builds a fresh target written by `owner` (the database is open, the forum stopped). */
  setup: (owner: Actor, helper: Actor, mod: Actor) => Promise<Target>;
  /** Whether the rules allow `actor` (already known to be signed in and not suspended). */
  allows: (actor: NonNullable<RuleActor>, target: Target) => boolean;
  /** Sends the request; the answer's status says allowed (2xx/3xx) or refused (4xx). */
  send: (base: string, who: Who, target: Target) => Promise<Response>;
};

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-permissions-"));
let forum: Forum;
let categoryId = 0;
const actors = new Map<string, Who>();
const targets = new Map<string, Target>();

async function newMember(role: "MEMBER" | "MODERATOR" | "ADMIN", suspended = false) {
  const username = `pm${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(0, 28);
  const user = await db.user.create({
    data: { username, usernameKey: username.toLowerCase(), email: `${username}@example.test`, role, suspendedUntil: suspended ? new Date(Date.now() + 30 * 86_400_000) : null },
    select: { id: true, role: true, suspendedUntil: true, points: true, username: true, sessionVersion: true },
  });
  // The ledger must explain the points (the forum checks totals against it).
  await db.$transaction((tx) => grantPoints(tx, { cause: "ADJUSTMENT", subject: `matrix:${user.id}`, userId: user.id, delta: POINTS, note: "permission matrix" }));
  user.points = POINTS;
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, name: user.username, sub: String(user.id) }, secret: TEST_AUTH_SECRET, salt: COOKIE, maxAge: 24 * 3600 });
  // Tokens are created for a member who may write; a suspended one's is made before the suspension.
  const api = await createApiToken({ ...user, suspendedUntil: null }, { name: "matrix" }).catch(() => null);
  return { ...user, cookie: `${COOKIE}=${token}`, token: api?.secret ?? "" };
}

const ask = (author: Actor, title = "How do permission matrices catch forged requests?") =>
  createQuestion(author, { title, body: "A question written for the permission matrix, long enough to be stored.", categoryId, tags: "security" });
const answer = (author: Actor, questionId: number) => createAnswer(author, questionId, { body: "An answer written for the permission matrix, long enough." });

// A form post as the thread page's script sends it (asking for JSON), from this site.
function formPost(url: string) {
  return (base: string, who: Who, fields: Record<string, string>) =>
    fetch(`${base}${url}`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, accept: "application/json", ...(who.actor ? { cookie: who.actor.cookie } : {}) },
      body: new URLSearchParams(Object.entries(fields).filter(([k]) => k !== "authorId")),
    });
}
const threadAction = (action: string) => formPost(`/api/thread-actions/${action}`);
function jsonPost(url: (t: Target) => string, body: (t: Target) => unknown, method = "POST") {
  return (base: string, who: Who, t: Target) =>
    fetch(`${base}${url(t)}`, {
      method,
      redirect: "manual",
      headers: { origin: base, "content-type": "application/json", ...(who.actor ? { cookie: who.actor.cookie } : {}) },
      body: method === "DELETE" ? undefined : JSON.stringify(body(t)),
    });
}
function apiPost(url: (t: Target) => string, body: (t: Target) => unknown, method = "POST") {
  return (base: string, who: Who, t: Target) =>
    fetch(`${base}${url(t)}`, {
      method,
      headers: { "content-type": "application/json", ...(who.actor?.token ? { authorization: `Bearer ${who.actor.token}` } : {}) },
      body: method === "DELETE" ? undefined : JSON.stringify(body(t)),
    });
}

const id = (n: { id: number }) => String(n.id);
const anyWriter = () => true;
const nobody = () => false;
const own = (t: Target) => ({ authorId: Number(t.authorId) });

const cases: Case[] = [
  // Thread actions (app/api/thread-actions/[action]), each by its rule in lib/permissions.ts.
  { entry: "POST /api/thread-actions/pick-best", what: "pick an answer on the owner's question", async setup(o, h) { const q = await ask(o); const a = await answer(h, q.id); return { authorId: String(o.id), answerId: id(a) }; }, allows: (a, t) => mayPickBestAnswer(a, own(t)), send: (b, w, t) => threadAction("pick-best")(b, w, t) },
  { entry: "POST /api/thread-actions/clear-best", what: "clear the best answer of the owner's question", async setup(o, h) { const q = await ask(o); const a = await answer(h, q.id); await selectBestAnswer(o, a.id); return { authorId: String(o.id), questionId: id(q) }; }, allows: (a, t) => mayPickBestAnswer(a, own(t)), send: (b, w, t) => threadAction("clear-best")(b, w, t) },
  { entry: "POST /api/thread-actions/delete-answer", what: "delete the owner's answer", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); return { authorId: String(o.id), answerId: id(a), reason: "matrix" }; }, allows: (a, t) => mayDeleteAnswer(a, own(t)), send: (b, w, t) => threadAction("delete-answer")(b, w, t) },
  { entry: "POST /api/thread-actions/undelete-answer", what: "restore the owner's deleted answer (moderators only)", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); await deleteAnswer(o, String(a.id)); return { authorId: String(o.id), answerId: id(a) }; }, allows: (a) => isModerator(a), send: (b, w, t) => threadAction("undelete-answer")(b, w, t) },
  { entry: "POST /api/thread-actions/add-comment", what: "comment on the owner's question", async setup(o) { const q = await ask(o); return { authorId: String(o.id), postType: "question", postId: id(q), body: "A comment from the permission matrix." }; }, allows: (a, t) => mayCommentOn(a, { authorId: Number(t.authorId), questionAuthorId: Number(t.authorId) }), send: (b, w, t) => threadAction("add-comment")(b, w, t) },
  { entry: "POST /api/thread-actions/add-comment", what: "comment in a locked thread (it takes no new comments)", async setup(o, _h, m) { const q = await ask(o); await setThreadLocked(m, { questionId: q.id, locked: "true" }); return { authorId: String(o.id), postType: "question", postId: id(q), body: "A comment from the permission matrix." }; }, allows: nobody, send: (b, w, t) => threadAction("add-comment")(b, w, t) },
  { entry: "POST /api/thread-actions/edit-comment", what: "edit the owner's comment", async setup(o, h) { const q = await ask(h); const c = await createComment(o, q.id); return { authorId: String(o.id), commentId: id(c), body: "Edited by the permission matrix." }; }, allows: (a, t) => mayEditComment(a, { ...own(t), createdAt: new Date() }, { locked: false }), send: (b, w, t) => threadAction("edit-comment")(b, w, t) },
  { entry: "POST /api/thread-actions/delete-comment", what: "delete the owner's comment", async setup(o, h) { const q = await ask(h); const c = await createComment(o, q.id); return { authorId: String(o.id), commentId: id(c) }; }, allows: (a, t) => mayDeleteComment(a, own(t), { locked: false }), send: (b, w, t) => threadAction("delete-comment")(b, w, t) },
  { entry: "POST /api/thread-actions/delete-comment", what: "delete the owner's comment in a locked thread", async setup(o, h, m) { const q = await ask(h); const c = await createComment(o, q.id); await setThreadLocked(m, { questionId: q.id, locked: "true" }); return { authorId: String(o.id), commentId: id(c) }; }, allows: (a, t) => mayDeleteComment(a, own(t), { locked: true }), send: (b, w, t) => threadAction("delete-comment")(b, w, t) },
  { entry: "POST /api/thread-actions/flag", what: "flag the owner's answer", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); return { authorId: String(o.id), postType: "answer", postId: id(a), reason: "NEEDS_ATTENTION", note: "matrix" }; }, allows: (a, t) => mayFlag(a, own(t)), send: (b, w, t) => threadAction("flag")(b, w, t) },
  { entry: "POST /api/thread-actions/lock", what: "lock the owner's thread (moderators only)", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q), locked: "true" }; }, allows: (a) => isModerator(a), send: (b, w, t) => threadAction("lock")(b, w, t) },
  { entry: "POST /api/thread-actions/close", what: "close the owner's question (moderators only)", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q), reason: "off-topic" }; }, allows: (a) => isModerator(a), send: (b, w, t) => threadAction("close")(b, w, t) },
  { entry: "POST /api/thread-actions/reopen", what: "reopen the owner's closed question (moderators only)", async setup(o, _h, m) { const q = await ask(o); await closeQuestion(m, { questionId: q.id, reason: "off-topic" }); return { authorId: String(o.id), questionId: id(q) }; }, allows: (a) => isModerator(a), send: (b, w, t) => threadAction("reopen")(b, w, t) },
  { entry: "POST /api/thread-actions/delete-question", what: "delete the owner's question (moderators only)", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q) }; }, allows: (a) => isModerator(a), send: (b, w, t) => threadAction("delete-question")(b, w, t) },
  { entry: "POST /api/thread-actions/undelete-question", what: "restore the owner's deleted question (moderators only)", async setup(o, _h, m) { const q = await ask(o); await setQuestionDeleted(m, { questionId: q.id }, true); return { authorId: String(o.id), questionId: id(q) }; }, allows: (a) => isModerator(a), send: (b, w, t) => threadAction("undelete-question")(b, w, t) },
  // A bounty is offered once a question is a day old (lib/commands/bounty.ts): a new one carries none, whoever asks.
  { entry: "POST /api/thread-actions/offer-bounty", what: "offer a bounty on the owner's new question (not yet a day old)", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q), amount: "1" }; }, allows: nobody, send: (b, w, t) => threadAction("offer-bounty")(b, w, t) },
  // Only the bounty's offerer awards it; a bounty id that does not exist is refused for everyone.
  { entry: "POST /api/thread-actions/award-bounty", what: "award a bounty that does not exist", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); return { authorId: String(o.id), bountyId: "999999", answerId: id(a) }; }, allows: nobody, send: (b, w, t) => threadAction("award-bounty")(b, w, t) },
  // Votes: voteRefusal and votePointsRefusal.
  { entry: "POST /api/votes", what: "vote up the owner's answer", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); return { authorId: String(o.id), postType: "answer", postId: id(a), direction: "up" }; }, allows: (a, t) => voteRefusal(a, own(t), { locked: false }) === null && votePointsRefusal(a, "up", false) === null, send: (b, w, t) => formPost("/api/votes")(b, w, t) },
  { entry: "POST /api/votes", what: "vote down the owner's answer", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); return { authorId: String(o.id), postType: "answer", postId: id(a), direction: "down" }; }, allows: (a, t) => voteRefusal(a, own(t), { locked: false }) === null && votePointsRefusal(a, "down", false) === null, send: (b, w, t) => formPost("/api/votes")(b, w, t) },
  { entry: "POST /api/votes", what: "vote in a locked thread", async setup(o, h, m) { const q = await ask(h); const a = await answer(o, q.id); await setThreadLocked(m, { questionId: q.id, locked: "true" }); return { authorId: String(o.id), postType: "answer", postId: id(a), direction: "up" }; }, allows: (a, t) => voteRefusal(a, own(t), { locked: true }) === null, send: (b, w, t) => formPost("/api/votes")(b, w, t) },
  { entry: "POST /api/votes", what: "vote on a deleted answer (it does not exist for voting)", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); await deleteAnswer(o, String(a.id)); return { authorId: String(o.id), postType: "answer", postId: id(a), direction: "up" }; }, allows: nobody, send: (b, w, t) => formPost("/api/votes")(b, w, t) },
  // Following: any member who may write.
  { entry: "POST /api/follow", what: "follow the owner's question", async setup(o) { const q = await ask(o); return { authorId: String(o.id), target: "question", id: id(q), follow: "1" }; }, allows: anyWriter, send: (b, w, t) => formPost("/api/follow")(b, w, t) },
  // Answers through the page's JSON endpoint: any writer, but a closed question takes none.
  { entry: "POST /api/questions/[id]/answers", what: "answer the owner's question", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q) }; }, allows: anyWriter, send: jsonPost((t) => `/api/questions/${t.questionId}/answers`, () => ({ body: "An answer sent by the permission matrix, long enough." })) },
  { entry: "POST /api/questions/[id]/answers", what: "answer a closed question", async setup(o, _h, m) { const q = await ask(o); await closeQuestion(m, { questionId: q.id, reason: "off-topic" }); return { authorId: String(o.id), questionId: id(q) }; }, allows: nobody, send: jsonPost((t) => `/api/questions/${t.questionId}/answers`, () => ({ body: "An answer sent by the permission matrix, long enough." })) },
  { entry: "POST /api/questions/[id]/answers", what: "answer a deleted question", async setup(o, _h, m) { const q = await ask(o); await setQuestionDeleted(m, { questionId: q.id }, true); return { authorId: String(o.id), questionId: id(q) }; }, allows: nobody, send: jsonPost((t) => `/api/questions/${t.questionId}/answers`, () => ({ body: "An answer sent by the permission matrix, long enough." })) },
  // Drafts: the member's own draft of an answer; any writer.
  { entry: "POST /api/drafts", what: "save a draft answer to the owner's question", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q) }; }, allows: anyWriter, send: jsonPost(() => "/api/drafts", (t) => ({ questionId: Number(t.questionId), body: "A draft from the matrix." })) },
  // Uploads: the uploadImages privilege (moderators and admins, members past its points).
  { entry: "POST /api/uploads", what: "upload an image", async setup(o) { return { authorId: String(o.id) }; }, allows: (a) => hasPrivilege(a, "uploadImages"), send: uploadImage },
  // The preview writes nothing: anyone may use it (it has its own rate limit).
  { entry: "POST /api/preview", what: "preview Markdown (writes nothing)", async setup(o) { return { authorId: String(o.id) }; }, allows: anyWriter, send: jsonPost(() => "/api/preview", () => ({ markdown: "*hello*" })) },
  // The public API: bearer tokens only, by the same rules.
  { entry: "POST /api/v1/questions", what: "ask through the API", async setup(o) { return { authorId: String(o.id) }; }, allows: anyWriter, send: apiPost(() => "/api/v1/questions", () => ({ title: "A question through the API for the matrix?", body: "Asked through the API by the permission matrix, long enough.", categoryId, tags: ["security"] })) },
  { entry: "POST /api/v1/questions/[id]/answers", what: "answer the owner's question through the API", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q) }; }, allows: anyWriter, send: apiPost((t) => `/api/v1/questions/${t.questionId}/answers`, () => ({ body: "An answer through the API by the permission matrix." })) },
  { entry: "POST /api/v1/questions/[id]/vote", what: "vote up the owner's question through the API", async setup(o) { const q = await ask(o); return { authorId: String(o.id), questionId: id(q) }; }, allows: (a, t) => voteRefusal(a, own(t), { locked: false }) === null && votePointsRefusal(a, "up", false) === null, send: apiPost((t) => `/api/v1/questions/${t.questionId}/vote`, () => ({ direction: "up" })) },
  { entry: "POST /api/v1/answers/[id]/vote", what: "vote up the owner's answer through the API", async setup(o, h) { const q = await ask(h); const a = await answer(o, q.id); return { authorId: String(o.id), answerId: id(a) }; }, allows: (a, t) => voteRefusal(a, own(t), { locked: false }) === null && votePointsRefusal(a, "up", false) === null, send: apiPost((t) => `/api/v1/answers/${t.answerId}/vote`, () => ({ direction: "up" })) },
  { entry: "POST /api/v1/answers/[id]/best", what: "pick an answer on the owner's question through the API", async setup(o, h) { const q = await ask(o); const a = await answer(h, q.id); return { authorId: String(o.id), answerId: id(a) }; }, allows: (a, t) => mayPickBestAnswer(a, own(t)), send: apiPost((t) => `/api/v1/answers/${t.answerId}/best`, () => ({})) },
  { entry: "DELETE /api/v1/questions/[id]/best-answer", what: "clear the owner's best answer through the API", async setup(o, h) { const q = await ask(o); const a = await answer(h, q.id); await selectBestAnswer(o, a.id); return { authorId: String(o.id), questionId: id(q) }; }, allows: (a, t) => mayPickBestAnswer(a, own(t)), send: apiPost((t) => `/api/v1/questions/${t.questionId}/best-answer`, () => ({}), "DELETE") },
  // Signing out ends one's own session: anyone may (it runs last: it ends the cookie's session).
  { entry: "POST /api/log-out", what: "sign out (ends only one's own session)", async setup(o) { return { authorId: String(o.id) }; }, allows: anyWriter, send: (b, w) => fetch(`${b}/api/log-out`, { method: "POST", redirect: "manual", headers: { origin: b, ...(w.actor ? { cookie: w.actor.cookie } : {}) } }) },
];

// A 1x1 PNG, the smallest image the upload route takes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
function uploadImage(base: string, who: Who): Promise<Response> {
  const form = new FormData();
  form.set("image", new Blob([PNG], { type: "image/png" }), "dot.png");
  return fetch(`${base}/api/uploads`, { method: "POST", headers: { origin: base, accept: "application/json", ...(who.actor ? { cookie: who.actor.cookie } : {}) }, body: form });
}

// Who may do it, by the rules: nobody signed out, nobody suspended, then the case's own rule.
// The preview and sign-out write nothing of anyone's: they are open to every visitor.
const openToAll = new Set(["POST /api/preview", "POST /api/log-out"]);
function expected(c: Case, who: Who, t: Target): boolean {
  if (openToAll.has(c.entry)) return true;
  if (!who.actor || who.role === "suspended") return false;
  return c.allows({ id: who.actor.id, role: who.actor.role, points: who.actor.points }, t);
}

/** Every write entry point under app/api: "METHOD /api/path" for each exported POST/PUT/PATCH/DELETE. */
function writeEntryPoints(): string[] {
  const out: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${url}/${entry.name}`);
      else if (entry.name === "route.ts") {
        const text = fs.readFileSync(full, "utf8");
        for (const m of text.matchAll(/export (?:async function|const) (POST|PUT|PATCH|DELETE)\b/g)) out.push(`${m[1]} ${url}`);
      }
    }
  };
  walk(path.join(root, "app", "api"), "/api");
  return out;
}

/** Each thread action's name (lib/thread-actions.ts), so a new one needs a row here. */
async function threadActionNames(): Promise<string[]> {
  const text = fs.readFileSync(path.join(root, "app", "api", "thread-actions", "[action]", "route.ts"), "utf8");
  return [...text.matchAll(/^ {2}"?([a-z-]+)"?: \{/gm)].map((m) => m[1]!);
}

// Auth.js's own handler and the v1 catch-all (which answers 404 for unknown paths) are not
// entry points of the forum's writes: CSRF tests cover the first (security/csrf.test.ts).
const notWrites = new Set(["POST /api/auth/[...nextauth]", "POST /api/v1/[...path]", "DELETE /api/v1/[...path]"]);

before(async () => {
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: TEST_AUTH_SECRET, ...(process.env.FORUM_TEST_PORT ? { PORT: process.env.FORUM_TEST_PORT } : {}) };
  await stopForum(await startForum(env));
  await startDatabase({ kind: "pglite", dataDir });
  startMarkdownWorkers();
  try {
    categoryId = (await db.category.findFirstOrThrow({ select: { id: true } })).id;
    const helper = await newMember("MEMBER");
    const mod = await newMember("MODERATOR");
    // Each request is made by a member of its own (the target's author is the owner), so no
    // per-member allowance or write budget runs out and skews a later row.
    const make: Record<RoleName, () => Promise<Who["actor"]>> = {
      "signed out": async () => null,
      member: () => newMember("MEMBER"),
      owner: () => newMember("MEMBER"),
      moderator: () => newMember("MODERATOR"),
      admin: () => newMember("ADMIN"),
      suspended: () => newMember("MEMBER", true),
    };
    for (const [i, c] of cases.entries()) {
      for (const role of roles) {
        const actor = await make[role]();
        const owner = role === "owner" ? actor! : await newMember("MEMBER");
        targets.set(`${i}:${role}`, await c.setup(owner, helper, mod));
        actors.set(`${i}:${role}`, { role, actor });
      }
    }
  } finally {
    await stopMarkdownWorkers();
    await stopDatabase();
  }
  forum = await startForum(env);
});

after(async () => {
  if (forum) await stopForum(forum);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("every write entry point has rows in the matrix", async () => {
  const covered = new Set(cases.map((c) => c.entry));
  const missing = writeEntryPoints().filter((e) => !notWrites.has(e) && !covered.has(e) && !e.startsWith("POST /api/thread-actions/"));
  for (const name of await threadActionNames()) if (!covered.has(`POST /api/thread-actions/${name}`)) missing.push(`POST /api/thread-actions/${name}`);
  assert.deepEqual(missing, [], "entry points without rows in security/permission-matrix.test.ts");
});

test("the permission matrix: every entry point × role allows exactly what the rules allow", async () => {
  const rows: string[] = [];
  const unexpectedAllows: string[] = [];
  const otherMismatches: string[] = [];
  // Sign-out runs last, as it ends the session its cookie carries.
  const order = [...cases.keys()].sort((a, b) => Number(cases[a]!.entry === "POST /api/log-out") - Number(cases[b]!.entry === "POST /api/log-out"));
  for (const i of order) {
    const c = cases[i]!;
    const cells: string[] = [];
    for (const role of roles) {
      const target = targets.get(`${i}:${role}`)!;
      const who = actors.get(`${i}:${role}`)!;
      const res = await c.send(forum.url, who, target);
      const body = await res.text();
      const allowed = res.status < 400;
      const want = expected(c, who, target);
      cells.push(`${allowed ? "allow" : "deny"}${allowed === want ? "" : "!"}`);
      if (res.status >= 500) otherMismatches.push(`${c.entry} (${c.what}) as ${role}: ${res.status} ${body.slice(0, 200)}`);
      else if (allowed && !want) unexpectedAllows.push(`${c.entry} (${c.what}) as ${role}: ${res.status}`);
      else if (!allowed && want) otherMismatches.push(`${c.entry} (${c.what}) as ${role}: refused ${res.status} ${body.slice(0, 200)}`);
    }
    rows.push(`${`${c.entry} — ${c.what}`.padEnd(110)} ${cells.map((x) => x.padEnd(10)).join(" ")}`);
  }
  console.log(`${"entry point — what".padEnd(110)} ${roles.map((r) => r.padEnd(10)).join(" ")}\n${rows.join("\n")}`);
  console.log(`permission matrix: ${cases.length} cases × ${roles.length} roles = ${cases.length * roles.length} requests; ${unexpectedAllows.length} unexpected allows, ${otherMismatches.length} other mismatches ("!" marks them)`);
  assert.deepEqual(unexpectedAllows, [], "requests the rules refuse were allowed");
  assert.deepEqual(otherMismatches, [], "requests the rules allow were refused, or failed");
});
