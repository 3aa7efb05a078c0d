/**
 * The admin and moderator forms under hostile text over HTTP, as the browser posts them (the
 * server actions, called as React's client calls them): every string is taken or refused with
 * the form's message, never a 5xx, and the forum keeps serving. The commands themselves get the
 * whole corpus on both databases in admin-forms-hostile.test.ts; this proves the path around
 * them (the action's encoding, body limits, the form state) holds too.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "../lib/db";
import { createMembers, type Member } from "../reliability/lib/members";
import { hostileStrings } from "./lib/hostile-corpus";
import { callAction } from "./lib/server-actions";
import { suiteForum } from "./lib/suite-forum";

const full = process.env.SECURITY_FULL_CORPUS === "1";
// Each admin's writes count against a per-member budget (30 a minute): the posts are spread
// over enough admins that the budget never answers instead of the form.
let admins: Member[];
let target: Member;
let categoryId = 0;

const suite = suiteForum("admin-forms", async () => {
  const made = await createMembers(full ? 201 : 21, `forms${Date.now().toString(36)}`);
  target = made.pop()!;
  admins = made;
  await db.user.updateMany({ where: { id: { in: admins.map((a) => a.id) } }, data: { role: "ADMIN" } });
  categoryId = (await db.category.findFirstOrThrow({ select: { id: true } })).id;
});

test("the admin forms over HTTP answer every hostile string with their message, never a 5xx", { timeout: 20 * 60_000 }, async () => {
  const corpus = full ? hostileStrings() : hostileStrings().slice(0, 30).concat(hostileStrings().slice(-30));
  const forms: [string, string, (v: string) => Record<string, string>][] = [
    ["points.delta", "lib/actions/moderation.ts#adjustPointsAction", (v) => ({ userId: String(target.id), delta: v, reason: "hostile corpus" })],
    ["points.reason", "lib/actions/moderation.ts#adjustPointsAction", (v) => ({ userId: String(target.id), delta: "1", reason: v })],
    ["points.userId", "lib/actions/moderation.ts#adjustPointsAction", (v) => ({ userId: v, delta: "1", reason: "hostile corpus" })],
    ["suspend.days", "lib/actions/moderation.ts#suspendMemberAction", (v) => ({ userId: String(target.id), days: v, reason: "hostile corpus" })],
    ["role.role", "lib/actions/moderation.ts#changeRoleAction", (v) => ({ userId: String(target.id), role: v })],
    ["category.name", "lib/actions/admin.ts#createCategoryAction", (v) => ({ name: v, emoji: "", description: "" })],
    ["category.emoji", "lib/actions/admin.ts#renameCategoryAction", (v) => ({ categoryId: String(categoryId), name: "Hostile corpus base", emoji: v, description: "" })],
    ["rules.voteUp", "lib/actions/admin.ts#updateRulesAction", (v) => ({ answerPoints: "2", bestAnswerPoints: "20", answerUpvotePoints: "10", questionUpvotePoints: "5", downvotePoints: "-2", voteUp: v, commentEverywhere: "50", voteDown: "125", editOthersPosts: "2000" })],
  ];
  const failures: string[] = [];
  let tried = 0;
  let taken = 0;
  for (const value of corpus) {
    for (const [field, action, fields] of forms) {
      tried++;
      const out = await callAction(suite.forum.url, action, fields(value), { cookie: admins[tried % admins.length]!.cookie });
      if (out.status >= 500 || (!out.redirect && !out.state)) failures.push(`${field} ${JSON.stringify(value).slice(0, 60)}: ${out.status} ${out.text.slice(0, 160)}`);
      else if (out.state?.ok) taken++;
      else if (/too often/.test(String(out.state?.message))) failures.push(`${field}: the write budget answered (spread the posts over more admins)`);
      else if (typeof out.state?.message !== "string") failures.push(`${field} ${JSON.stringify(value).slice(0, 60)}: refused without a message`);
    }
  }
  // Still serving, and the rules were never left unreadable.
  assert.equal((await fetch(`${suite.forum.url}/`)).status, 200);
  console.log(`admin forms over HTTP: ${corpus.length} inputs × ${forms.length} fields = ${tried} posts; ${taken} taken, ${tried - taken - failures.length} refused with a message; ${failures.length} failures`);
  assert.deepEqual(failures.slice(0, 20), []);
});
