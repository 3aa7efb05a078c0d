/**
 * Cross-site requests are refused (issue 25, "Forged requests"), against the built server:
 * the forum's route handlers with a foreign Origin, or with no Origin and a browser's
 * Sec-Fetch-Site saying cross-site; JSON endpoints sent as text/plain (what a cross-site form
 * or a "simple" fetch can send without a preflight); a server action posted with Next's
 * Next-Action header from another origin (Next's own check); and Auth.js's CSRF token on the
 * credentials sign-in and sign-out. Each refusal is checked to have changed nothing, and the
 * same request from the forum's own origin is checked to work, so the test can fail.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../lib/db";
import { createMembers, type Member } from "../reliability/lib/members";
import { callAction } from "./lib/server-actions";
import { suiteForum } from "./lib/suite-forum";

const FOREIGN = "https://evil.example";
let member: Member;
let admin: Member;
let questionId = 0;

const suite = suiteForum("csrf", async () => {
  const made = await createMembers(2, `csrf${Date.now().toString(36)}`);
  member = made[0]!;
  admin = made[1]!;
  await db.user.update({ where: { id: admin!.id }, data: { role: "ADMIN" } });
  questionId = (await db.question.findFirstOrThrow({ where: { deletedAt: null, lockedAt: null, closedAt: null }, select: { id: true } })).id;
});

const answerCount = async () => {
  const res = await fetch(`${suite.forum.url}/api/v1/questions/${questionId}`);
  return ((await res.json()) as { answerCount: number }).answerCount;
};

function postAnswer(headers: Record<string, string>, body = JSON.stringify({ body: "An answer sent to test cross-site refusals." })) {
  return fetch(`${suite.forum.url}/api/questions/${questionId}/answers`, { method: "POST", redirect: "manual", headers: { cookie: member.cookie, "content-type": "application/json", ...headers }, body });
}

test("route handlers refuse a foreign Origin, a cross-site Sec-Fetch-Site, and JSON sent as text/plain", async () => {
  const before = await answerCount();
  const refused: [string, Response][] = [
    ["foreign Origin", await postAnswer({ origin: FOREIGN })],
    ["sibling-site Origin", await postAnswer({ origin: "http://127.0.0.1.evil.example" })],
    ["no Origin, Sec-Fetch-Site: cross-site", await postAnswer({ "sec-fetch-site": "cross-site" })],
    ["no Origin, Sec-Fetch-Site: same-site", await postAnswer({ "sec-fetch-site": "same-site" })],
    ["text/plain body", await postAnswer({ origin: suite.forum.url, "content-type": "text/plain" })],
  ];
  for (const [what, res] of refused) assert.ok(res.status === 403 || res.status === 415, `${what}: ${res.status}`);
  assert.equal(await answerCount(), before, "a refused request changed nothing");

  // The thread's forms, votes and sign-out refuse another site's form too.
  const form = (url: string, fields: Record<string, string>) =>
    fetch(`${suite.forum.url}${url}`, { method: "POST", redirect: "manual", headers: { origin: FOREIGN, cookie: member.cookie }, body: new URLSearchParams(fields) });
  assert.equal((await form("/api/votes", { postType: "question", postId: String(questionId), direction: "up" })).status, 403);
  assert.equal((await form("/api/thread-actions/add-comment", { postType: "question", postId: String(questionId), body: "A cross-site comment." })).status, 403);
  assert.equal((await form("/api/follow", { target: "question", id: String(questionId), follow: "1" })).status, 403);
  assert.equal((await form("/api/log-out", {})).status, 403);
  const preview = await fetch(`${suite.forum.url}/api/preview`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ markdown: "x" }) });
  assert.equal(preview.status, 415);
  const draft = await fetch(`${suite.forum.url}/api/drafts`, { method: "POST", headers: { cookie: member.cookie, origin: FOREIGN, "content-type": "application/json" }, body: JSON.stringify({ questionId, body: "x" }) });
  assert.equal(draft.status, 403);

  // The control: the same request from the forum's own page is taken.
  assert.equal((await postAnswer({ origin: suite.forum.url })).status, 201);
  assert.equal((await postAnswer({ "sec-fetch-site": "same-origin" })).status, 201);
  assert.equal(await answerCount(), before + 2);
});

test("a server action posted from another origin is refused by Next's origin check", async () => {
  const name = "lib/actions/moderation.ts#adjustPointsAction";
  const me = async () => ((await (await fetch(`${suite.forum.url}/api/v1/users/${encodeURIComponent(member.username)}`)).json()) as { points: number }).points;
  const fields = { userId: String(member.id), delta: "50", reason: "forged from another site" };
  const before = await me();
  const forged = await callAction(suite.forum.url, name, fields, { cookie: admin.cookie, origin: FOREIGN });
  assert.ok(forged.status >= 400, `forged action answered ${forged.status}`);
  assert.equal(forged.state, null, "the action did not run");
  assert.equal(await me(), before, "the forged action changed nothing");
  // The control: from the forum's own origin the same call is the admin's, and it is done.
  const real = await callAction(suite.forum.url, name, { ...fields, reason: "from the forum's own page" }, { cookie: admin.cookie });
  assert.equal(real.state?.ok, true, real.text.slice(0, 300));
  assert.equal(await me(), before + 50);
});

test("Auth.js refuses credentials sign-in and sign-out without its CSRF token", async () => {
  const sessionSet = (res: Response) => res.headers.getSetCookie().some((c) => /session-token=[^;]+/.test(c) && !/session-token=;/.test(c));
  const signIn = await fetch(`${suite.forum.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: FOREIGN },
    body: new URLSearchParams({ username: member.username, password: "reliability passphrase" }),
  });
  await signIn.text();
  assert.equal(sessionSet(signIn), false, "no session without the CSRF token");
  assert.match(signIn.headers.get("location") ?? `status ${signIn.status}`, /csrf|error|status 4/i);

  const signOut = await fetch(`${suite.forum.url}/api/auth/signout`, { method: "POST", redirect: "manual", headers: { cookie: member.cookie, "content-type": "application/x-www-form-urlencoded", origin: FOREIGN }, body: "" });
  await signOut.text();
  // The session still works: the forged sign-out ended nothing.
  const still = await fetch(`${suite.forum.url}/api/questions/${questionId}/answers`, {
    method: "POST",
    headers: { cookie: member.cookie, origin: suite.forum.url, "content-type": "application/json" },
    body: JSON.stringify({ body: "Still signed in after a forged sign-out." }),
  });
  assert.equal(still.status, 201);
});
