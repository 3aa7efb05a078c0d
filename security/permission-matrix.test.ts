/**
 * The permission matrix (issue 25, "Forged requests"): every mutation entry point of the forum —
 * each route handler under app/api that takes a write (found by walking the directory), each
 * thread action and each server action in the build's manifest (called as React's client calls
 * it); a new one fails this test until it has a row — tried as {signed out, member, owner,
 * moderator, admin, suspended} against the built server over HTTP, with session cookies minted
 * as Auth.js mints them. The targets include what no page of the forum would ever send:
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
import { callAction, serverActions } from "./lib/server-actions";
import { hashPassword } from "../lib/auth/password";
import { flagPost } from "../lib/commands/flags";
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
import { isModerator, mayCommentOn, mayDeleteAnswer, mayDeleteComment, mayEditComment, mayEditPost, mayFlag, mayPickBestAnswer, voteRefusal, votePointsRefusal } from "../lib/permissions";
import { grantPoints } from "../lib/points";
import { hasPrivilege, privileges, rules } from "../lib/rules";
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
  /** Who may, before the rule: "everyone" (writes nothing of anyone's, or acts for no one signed in), "signed-in" (suspended members too). */
  open?: "everyone" | "signed-in";
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

// Every member has this password (hashed once): the actions that ask for it are tried with it and without.
const PASSWORD = "matrix passphrase 4711";
let passwordHash = "";

async function newMember(role: "MEMBER" | "MODERATOR" | "ADMIN", suspended = false) {
  const username = `pm${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(0, 28);
  const user = await db.user.create({
    data: { username, usernameKey: username.toLowerCase(), email: `${username}@example.test`, passwordHash, role, suspendedUntil: suspended ? new Date(Date.now() + 30 * 86_400_000) : null },
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

const routeCases: Case[] = [
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

/**
 * A server action (lib/actions), called as React's client calls it (security/lib/server-actions.ts).
 * Its answer is a form state, not a status: a redirect or `ok` is done (200 here), a message
 * without `ok` is a refusal (403 here, with the message).
 */
const ACTION = "action ";
function action(name: string, page: ((t: Target) => string) | undefined, fields: (t: Target) => Record<string, string | undefined>) {
  return async (base: string, who: Who, t: Target) => {
    const out = await callAction(base, name, fields(t), { cookie: who.actor?.cookie, page: page?.(t) });
    if (out.status >= 400) return new Response(out.text, { status: out.status });
    if (out.redirect || out.state?.ok === true) return new Response(out.redirect ?? JSON.stringify(out.state), { status: 200 });
    return new Response(out.state ? JSON.stringify(out.state) : out.text, { status: 403 });
  };
}
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
const isAdmin = (a: NonNullable<RuleActor>) => a.role === "ADMIN";
/** Each server action's row: the entry names the action as the build's manifest does. */
function actionCase(file: string, name: string, what: string, setup: Case["setup"], allows: Case["allows"], page: ((t: Target) => string) | undefined, fields: (t: Target) => Record<string, string | undefined>, open?: Case["open"]): Case {
  const key = `lib/actions/${file}.ts#${name}`;
  return { entry: `${ACTION}${key}`, what, setup, allows, open, send: action(key, page, fields) };
}
const asked = async (o: Actor) => { const q = await ask(o); return { authorId: String(o.id), questionId: id(q) }; };
const answered = async (o: Actor, h: Actor) => { const q = await ask(h); const a = await answer(o, q.id); return { authorId: String(o.id), questionId: id(q), answerId: id(a) }; };
const aMember = async (suspended = false) => String((await newMember("MEMBER", suspended)).id);
const ruleFields = () => Object.fromEntries(Object.entries({ ...rules, ...privileges }).map(([k, v]) => [k, String(v)]));
const questionFields = (t: Target) => ({ title: `A question asked by the matrix through its action ${unique()}?`, body: "Asked through the server action by the permission matrix, long enough.", categoryId: String(categoryId), tags: "security", ...(t.questionId ? { questionId: t.questionId, summary: "matrix" } : {}) });

const actionCases: Case[] = [
  actionCase("ask-question", "askQuestionAction", "ask a question", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, questionFields),
  actionCase("edit-post", "editQuestionAction", "edit the owner's question", asked, (a, t) => mayEditPost(a, own(t)), (t) => `/edit/questions/${t.questionId}`, questionFields),
  actionCase("edit-post", "editAnswerAction", "edit the owner's answer", answered, (a, t) => mayEditPost(a, own(t)), (t) => `/edit/answers/${t.answerId}`, (t) => ({ answerId: t.answerId, body: "An answer edited through the server action by the matrix.", summary: "matrix" })),
  actionCase("moderation", "lockThreadAction", "lock the owner's thread (moderators only)", asked, isModerator, undefined, (t) => ({ questionId: t.questionId, locked: "true" })),
  actionCase("moderation", "closeQuestionAction", "close the owner's question (moderators only)", asked, isModerator, undefined, (t) => ({ questionId: t.questionId, reason: "off-topic" })),
  actionCase("moderation", "reopenQuestionAction", "reopen the owner's closed question (moderators only)", async (o, _h, m) => { const q = await ask(o); await closeQuestion(m, { questionId: q.id, reason: "off-topic" }); return { authorId: String(o.id), questionId: id(q) }; }, isModerator, undefined, (t) => ({ questionId: t.questionId })),
  actionCase("moderation", "deleteQuestionAction", "delete the owner's question (moderators only)", asked, isModerator, undefined, (t) => ({ questionId: t.questionId })),
  actionCase("moderation", "undeleteQuestionAction", "restore the owner's deleted question (moderators only)", async (o, _h, m) => { const q = await ask(o); await setQuestionDeleted(m, { questionId: q.id }, true); return { authorId: String(o.id), questionId: id(q) }; }, isModerator, undefined, (t) => ({ questionId: t.questionId })),
  actionCase("moderation", "undeleteAnswerAction", "restore the owner's deleted answer (moderators only)", async (o, h) => { const t = await answered(o, h); await deleteAnswer(o, t.answerId); return t; }, isModerator, undefined, (t) => ({ answerId: t.answerId, questionId: t.questionId })),
  actionCase("moderation", "deleteAnswerFromQueueAction", "delete the owner's answer from the flag queue", answered, (a, t) => mayDeleteAnswer(a, own(t)), undefined, (t) => ({ answerId: t.answerId })),
  actionCase("moderation", "deleteCommentFromQueueAction", "delete the owner's comment from the flag queue", async (o, h) => { const q = await ask(h); const c = await createComment(o, q.id); return { authorId: String(o.id), commentId: id(c) }; }, (a, t) => mayDeleteComment(a, own(t), { locked: false }), undefined, (t) => ({ commentId: t.commentId })),
  actionCase("moderation", "flagPostAction", "flag the owner's answer", answered, (a, t) => mayFlag(a, own(t)), undefined, (t) => ({ postType: "answer", postId: t.answerId, reason: "SPAM", note: "matrix" })),
  actionCase("moderation", "handleFlagAction", "dismiss a flag on the owner's answer (moderators only)", async (o, h) => { const t = await answered(o, h); await flagPost(h, { postType: "answer", postId: t.answerId, reason: "SPAM" }); const f = await db.flag.findFirstOrThrow({ where: { answerId: Number(t.answerId) }, select: { id: true } }); return { ...t, flagId: id(f) }; }, isModerator, undefined, (t) => ({ flagId: t.flagId, outcome: "DISMISSED" })),
  actionCase("moderation", "suspendMemberAction", "suspend a member (moderators only)", async (o) => ({ authorId: String(o.id), userId: await aMember() }), isModerator, undefined, (t) => ({ userId: t.userId, days: "1", reason: "the permission matrix" })),
  actionCase("moderation", "liftSuspensionAction", "lift a member's suspension (moderators only)", async (o) => ({ authorId: String(o.id), userId: await aMember(true) }), isModerator, undefined, (t) => ({ userId: t.userId })),
  actionCase("moderation", "adjustPointsAction", "adjust a member's points (moderators only)", async (o) => ({ authorId: String(o.id), userId: await aMember() }), isModerator, undefined, (t) => ({ userId: t.userId, delta: "1", reason: "the permission matrix" })),
  actionCase("moderation", "changeRoleAction", "make a member a moderator (admins only)", async (o) => ({ authorId: String(o.id), userId: await aMember() }), isAdmin, undefined, (t) => ({ userId: t.userId, role: "MODERATOR" })),
  actionCase("admin", "updateRulesAction", "save the points rules (admins only)", async (o) => ({ authorId: String(o.id) }), isAdmin, undefined, ruleFields),
  actionCase("admin", "recalculateAction", "recalculate every total from the ledger (admins only)", async (o) => ({ authorId: String(o.id) }), isAdmin, undefined, () => ({})),
  actionCase("admin", "createCategoryAction", "create a category (admins only)", async (o) => ({ authorId: String(o.id) }), isAdmin, undefined, () => ({ name: `Matrix ${unique()}`, emoji: "", description: "" })),
  actionCase("admin", "renameCategoryAction", "rename a category (admins only)", async (o) => { const c = await db.category.create({ data: { name: `Matrix ${unique()}`, slug: `matrix-${unique()}` } }); return { authorId: String(o.id), categoryId: id(c) }; }, isAdmin, undefined, (t) => ({ categoryId: t.categoryId, name: `Renamed ${unique()}`, emoji: "", description: "" })),
  actionCase("admin", "moveCategoryAction", "move a category up (admins only)", async (o) => { const c = await db.category.create({ data: { name: `Matrix ${unique()}`, slug: `matrix-${unique()}`, position: 1000 } }); return { authorId: String(o.id), categoryId: id(c) }; }, isAdmin, undefined, (t) => ({ categoryId: t.categoryId, direction: "up" })),
  actionCase("api-tokens", "createApiTokenAction", "make an API token", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({ name: "matrix again", expiresInDays: "7" })),
  actionCase("api-tokens", "revokeApiTokenAction", "revoke the owner's API token", async (o) => { const k = await db.apiToken.findFirstOrThrow({ where: { userId: o.id }, select: { id: true } }); return { authorId: String(o.id), tokenId: id(k) }; }, (a, t) => a.id === Number(t.authorId), undefined, (t) => ({ tokenId: t.tokenId })),
  actionCase("account-settings", "changeDisplayNameAction", "change one's display name", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({ displayName: "Matrix Name" })),
  actionCase("account-settings", "changeMailChoicesAction", "change one's mail choices", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({ mailOnReply: "on" })),
  actionCase("account-settings", "changeEmailAction", "change one's email address, giving the password", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({ email: `m${unique()}@example.test`, current: PASSWORD })),
  actionCase("account-settings", "changeEmailAction", "change one's email address with a wrong password", async (o) => ({ authorId: String(o.id) }), nobody, undefined, () => ({ email: `m${unique()}@example.test`, current: "not the password" })),
  actionCase("account-settings", "resendConfirmationAction", "send the confirmation link again", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({})),
  actionCase("account-settings", "confirmEmailAction", "confirm an address with a made-up token", async (o) => ({ authorId: String(o.id) }), nobody, undefined, () => ({ token: "made-up-token-made-up-token-made-up" })),
  actionCase("change-password", "changePasswordAction", "change one's password, giving the current one", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({ current: PASSWORD, password: "a brand new matrix passphrase 4712" })),
  actionCase("change-password", "changePasswordAction", "change one's password with a wrong current one", async (o) => ({ authorId: String(o.id) }), nobody, undefined, () => ({ current: "not the password", password: "a brand new matrix passphrase 4712" })),
  actionCase("notifications", "markReadAction", "mark the owner's notification read", async (o, h) => { const q = await ask(o); await answer(h, q.id); const n = await db.notification.findFirstOrThrow({ where: { userId: o.id }, select: { id: true } }); return { authorId: String(o.id), notificationId: id(n) }; }, (a, t) => a.id === Number(t.authorId), undefined, (t) => ({ id: t.notificationId })),
  actionCase("notifications", "markAllReadAction", "mark all of one's notifications read (suspended members too)", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({}), "signed-in"),
  actionCase("log-in", "logInAction", "log in with a wrong password", async (o) => ({ authorId: String(o.id) }), nobody, undefined, () => ({ identifier: "nobody-at-all", password: "not the password" })),
  actionCase("sign-up", "signUpAction", "sign up a new account", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => { const u = `m${unique()}`.slice(0, 28); return { username: u, email: `${u}@example.test`, password: "a matrix passphrase for sign-up 4713" }; }, "everyone"),
  actionCase("password-reset", "forgotPasswordAction", "ask for a password reset link (the same answer for every address)", async (o) => ({ authorId: String(o.id) }), anyWriter, undefined, () => ({ email: `m${unique()}@example.test` }), "everyone"),
  actionCase("password-reset", "resetPasswordAction", "reset a password with a made-up token", async (o) => ({ authorId: String(o.id) }), nobody, undefined, () => ({ token: "made-up-token-made-up-token-made-up", password: "a matrix passphrase for reset 4714" })),
];

/** Actions with no row of their own: the GitHub button's inline action only starts Auth.js's OAuth redirect (Auth.js's CSRF and state checks, security/csrf.test.ts). */
const actionsWithoutRows = new Set(["app/login/page.tsx#$$RSC_SERVER_ACTION_0"]);

const cases = [...routeCases, ...actionCases];

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
  if (openToAll.has(c.entry) || c.open === "everyone") return true;
  if (!who.actor || (who.role === "suspended" && c.open !== "signed-in")) return false;
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
  passwordHash = await hashPassword(PASSWORD);
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
  for (const name of serverActions().keys()) if (!actionsWithoutRows.has(name) && !covered.has(`${ACTION}${name}`)) missing.push(`${ACTION}${name}`);
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
