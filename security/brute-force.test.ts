/**
 * Password guessing (ASVS 5.0 6.3.1): the per-account limit holds on every path to a log-in —
 * the form's server action and Auth.js's own credentials callback, which a script reaches with
 * nothing but the CSRF token Auth.js hands out — and guesses sent in parallel cannot all slip
 * past the count.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rateLimits } from "../lib/rules";
import { createMembers, type Member } from "../reliability/lib/members";
import { callAction } from "./lib/server-actions";
import { suiteForum } from "./lib/suite-forum";

const PASSWORD = "reliability passphrase"; // createMembers' own
let members: Member[];

const suite = suiteForum("brute-force", async () => {
  members = await createMembers(3, `guess${Date.now().toString(36)}`);
});

/** A log-in posted straight at Auth.js, as a script would: its CSRF token first, then the credentials. */
async function callbackLogIn(identifier: string, password: string): Promise<{ location: string; session: boolean; cookie: string }> {
  const csrf = await fetch(`${suite.forum.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${suite.forum.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: suite.forum.url },
    body: new URLSearchParams({ identifier, password, csrfToken, callbackUrl: "/" }),
  });
  await res.arrayBuffer();
  const sessionCookie = res.headers.getSetCookie().find((c) => /^authjs\.session-token=[^;]+/.test(c)) ?? "";
  return { location: res.headers.get("location") ?? `status ${res.status}`, session: sessionCookie !== "", cookie: sessionCookie };
}

test("the account limit holds at Auth.js's own callback, not only on the form", async () => {
  const m = members[0]!;
  const control = await callbackLogIn(m.username, PASSWORD);
  assert.ok(control.session, `the right password signs in at the callback (${control.location})`);
  for (let i = 0; i < rateLimits.loginFailuresPerAccount.limit; i++) {
    const wrong = await callbackLogIn(m.username, "not the password");
    assert.equal(wrong.session, false);
    assert.match(wrong.location, /error=CredentialsSignin/);
  }
  const locked = await callbackLogIn(m.username, PASSWORD);
  assert.equal(locked.session, false, "no session once the account's failures are used up, even with the right password");
  assert.match(locked.location, /code=too_many_attempts/);
  // The form says so in words.
  const form = await callAction(suite.forum.url, "lib/actions/log-in.ts#logInAction", { identifier: m.username, password: PASSWORD });
  assert.match(String(form.state?.message), /Too many failed attempts\. Try again in/);
});

test("guesses sent in parallel are each counted before the password is checked", async () => {
  const m = members[1]!;
  const guesses = await Promise.all(Array.from({ length: 12 }, () => callbackLogIn(m.username, "not the password either")));
  assert.ok(guesses.every((g) => !g.session));
  const after = await callbackLogIn(m.username, PASSWORD);
  assert.equal(after.session, false, "the right password is refused after 12 parallel guesses");
  assert.match(after.location, /code=too_many_attempts/);
  // Another member, from the same address, is not locked out by them.
  assert.ok((await callbackLogIn(members[2]!.username, PASSWORD)).session);
});

// ASVS 5.0 7.2.2, 3.3.2 and 3.3.4: every sign-in mints its own token, in a cookie that scripts
// cannot read and that other sites' requests do not carry on a POST.
test("each sign-in gets a token of its own, HttpOnly and SameSite=Lax", async () => {
  const m = members[2]!;
  const first = await callbackLogIn(m.username, PASSWORD);
  const second = await callbackLogIn(m.username, PASSWORD);
  assert.ok(first.session && second.session);
  assert.notEqual(first.cookie.split(";")[0], second.cookie.split(";")[0]);
  for (const attribute of [/;\s*HttpOnly/i, /;\s*SameSite=Lax/i, /;\s*Path=\//i]) assert.match(first.cookie, attribute);
});
