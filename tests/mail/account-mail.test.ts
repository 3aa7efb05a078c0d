/**
 * Password reset and email confirmation by mail: the rules of issue 23, on the embedded
 * database and on PostgreSQL (TEST_DATABASE_URL).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { signUp } from "../../lib/commands/accounts";
import { changeEmail, confirmEmail, resendEmailConfirmation } from "../../lib/commands/account-settings";
import { RESET_REQUESTED, requestPasswordReset as askForReset, resetLinkWorks, resetPassword } from "../../lib/commands/password-reset";
import { verifyPassword } from "../../lib/auth/password";
import { loginFailuresKey } from "../../lib/auth/login-limits";
import { db } from "../../lib/db";
import { attemptsIn, consume } from "../../lib/rate-limit";
import { rateLimits } from "../../lib/rules";
import { closeTestDatabase, openTestDatabase, uniqueName } from "../helpers/db";
import { code } from "../helpers/errors";

before(openTestDatabase);
after(closeTestDatabase);

const PASSWORD = "correct horse battery";
let ipCount = 0;
const fresh = () => ({ ip: `10.9.${Math.floor(Math.random() * 250)}.${ipCount++ % 250}` });

/** Asks for a reset and waits for its mail to be queued; returns the answer the asker saw. */
async function requestPasswordReset(input: { email: string }, from: { ip: string }): Promise<string> {
  const { message, queued } = await askForReset(input, from);
  await queued;
  return message;
}

async function newMember() {
  const username = uniqueName("mail");
  const email = `${username.toLowerCase()}@example.org`;
  const user = await signUp({ username, email, password: PASSWORD });
  return { ...user, email };
}

async function mailsTo(to: string, kind?: string) {
  return db.mail.findMany({ where: { to, ...(kind ? { kind } : {}) }, orderBy: { id: "asc" }, select: { kind: true, subject: true, text: true, status: true } });
}

/** The token in the last mail of `kind` to `to`. */
async function tokenFrom(to: string, kind: string): Promise<string> {
  const mails = await mailsTo(to, kind);
  const text = mails.at(-1)?.text ?? "";
  const token = /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  assert.ok(token, `a link with a token in ${JSON.stringify(text)}`);
  return token;
}

describe("forgot password", () => {
  test("a known address gets one mail with a link; the token is stored only as its hash", async () => {
    const m = await newMember();
    assert.equal(await requestPasswordReset({ email: m.email.toUpperCase() }, fresh()), RESET_REQUESTED);
    const [mail] = await mailsTo(m.email, "reset");
    assert.ok(mail);
    assert.match(mail.text, new RegExp(m.username));
    assert.match(mail.text, /\/reset-password\?token=/);
    const token = await tokenFrom(m.email, "reset");
    assert.equal(await db.emailToken.count({ where: { tokenHash: token } }), 0, "the raw token is not stored");
    assert.equal(await db.emailToken.count({ where: { userId: m.id, purpose: "PASSWORD_RESET" } }), 1);
  });

  test("an unknown address gets the same answer, and nothing is written", async () => {
    const email = `${uniqueName("nobody")}@example.org`;
    const mailsBefore = await db.mail.count();
    const tokensBefore = await db.emailToken.count();
    assert.equal(await requestPasswordReset({ email }, fresh()), RESET_REQUESTED);
    assert.equal(await db.mail.count(), mailsBefore);
    assert.equal(await db.emailToken.count(), tokensBefore);
  });

  test("the answer does not wait for the write, so it takes as long for a member's address as for a stranger's", async () => {
    const m = await newMember();
    let settled = false;
    let queued: Promise<void> = Promise.resolve();
    // While another transaction holds the member's row, the reset's write cannot finish (on
    // PGlite it cannot even start): the answer must come all the same.
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${m.id} FOR UPDATE`;
      const answer = await askForReset({ email: m.email }, fresh());
      assert.equal(answer.message, RESET_REQUESTED);
      queued = answer.queued.then(() => void (settled = true));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(settled, false, "the mail is not queued yet");
    });
    await queued;
    assert.equal((await mailsTo(m.email, "reset")).length, 1, "and it is queued once the row is free");
  });

  test("limited per address asked for and per client address, whether or not the account exists", async () => {
    const m = await newMember();
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: m.email }, fresh());
    await assert.rejects(requestPasswordReset({ email: m.email }, fresh()), code("RATE_LIMITED", /Too many reset requests/));
    assert.equal((await mailsTo(m.email, "reset")).length, 3);
    const unknown = `${uniqueName("nobody")}@example.org`;
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: unknown }, fresh());
    await assert.rejects(requestPasswordReset({ email: unknown }, fresh()), code("RATE_LIMITED"));
    const oneClient = fresh();
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: `${uniqueName("x")}@example.org` }, oneClient);
    await assert.rejects(requestPasswordReset({ email: `${uniqueName("x")}@example.org` }, oneClient), code("RATE_LIMITED"));
  });

  test("bad input is refused with a message for the field", async () => {
    await assert.rejects(requestPasswordReset({ email: "not an address" }, fresh()), (e: unknown) => {
      assert.deepEqual(Object.keys((e as { fieldErrors: object }).fieldErrors), ["email"]);
      return true;
    });
  });

  test("the token works once, sets the password under the sign-up rules and ends every session", async () => {
    const m = await newMember();
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { sessionVersion: true } });
    await requestPasswordReset({ email: m.email }, fresh());
    const token = await tokenFrom(m.email, "reset");
    assert.equal(await resetLinkWorks(token), true);
    await assert.rejects(resetPassword({ token, password: "password" }), code("BAD_INPUT"));
    await assert.rejects(resetPassword({ token, password: m.username }), code("BAD_INPUT"));
    assert.equal(await resetLinkWorks(token), true, "a refused password leaves the link usable");
    for (let i = 0; i < 5; i++) await consume(loginFailuresKey(m.username), rateLimits.loginFailuresPerAccount);
    assert.deepEqual(await resetPassword({ token, password: "a brand new passphrase" }), { username: m.username });
    assert.equal(await attemptsIn(loginFailuresKey(m.username)), 0, "failed log-ins no longer lock the account out");
    const after = await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { sessionVersion: true, passwordHash: true, emailVerified: true } });
    assert.equal(after.sessionVersion, sessionVersion + 1, "every session ended");
    assert.equal(await verifyPassword(after.passwordHash, "a brand new passphrase"), true);
    assert.ok(after.emailVerified, "the link proved the address");
    assert.equal(await resetLinkWorks(token), false);
    await assert.rejects(resetPassword({ token, password: "yet another passphrase" }), code("BAD_INPUT", /expired or has been used/));
  });

  test("two uses racing: exactly one succeeds", async () => {
    const m = await newMember();
    await requestPasswordReset({ email: m.email }, fresh());
    const token = await tokenFrom(m.email, "reset");
    const results = await Promise.allSettled([
      resetPassword({ token, password: "first racing passphrase" }),
      resetPassword({ token, password: "second racing passphrase" }),
    ]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  });

  test("a token expires after an hour; a newer reset voids the older links", async () => {
    const m = await newMember();
    await requestPasswordReset({ email: m.email }, fresh());
    const first = await tokenFrom(m.email, "reset");
    await requestPasswordReset({ email: m.email }, fresh());
    const second = await tokenFrom(m.email, "reset");
    const later = new Date(Date.now() + 61 * 60_000);
    await assert.rejects(resetPassword({ token: first, password: "an expired passphrase" }, later), code("BAD_INPUT", /expired/));
    await resetPassword({ token: second, password: "the second passphrase" });
    assert.equal(await resetLinkWorks(first), false, "the first link is void after a reset");
  });

  test("garbage and foreign tokens are refused without a query", async () => {
    await assert.rejects(resetPassword({ token: "x", password: "whatever passphrase" }), code("BAD_INPUT"));
    await assert.rejects(resetPassword({ token: "A".repeat(43), password: "whatever passphrase" }), code("BAD_INPUT"));
    assert.equal(await resetLinkWorks("'; DROP TABLE \"User\"; --"), false);
  });
});

describe("email confirmation", () => {
  test("sign-up sends a confirmation link; following it confirms the address, once", async () => {
    const m = await newMember();
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { emailVerified: true } })).emailVerified, null);
    const token = await tokenFrom(m.email, "confirm");
    assert.deepEqual(await confirmEmail(token), { email: m.email });
    assert.ok((await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { emailVerified: true } })).emailVerified);
    await assert.rejects(confirmEmail(token), code("BAD_INPUT"));
  });

  test("a new address is unconfirmed, gets its own link; the old address's link no longer works", async () => {
    const m = await newMember();
    const oldToken = await tokenFrom(m.email, "confirm");
    const actor = await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { id: true, role: true, suspendedUntil: true, points: true } });
    const next = `${uniqueName("new")}@example.org`;
    await assert.rejects(changeEmail(actor, { email: next, current: "wrong password" }), code("BAD_INPUT"));
    await assert.rejects(changeEmail(actor, { email: "nope", current: PASSWORD }), code("BAD_INPUT"));
    await changeEmail(actor, { email: next, current: PASSWORD });
    const user = await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { email: true, emailVerified: true } });
    assert.deepEqual(user, { email: next, emailVerified: null });
    await assert.rejects(confirmEmail(oldToken), code("BAD_INPUT"));
    await confirmEmail(await tokenFrom(next, "confirm"));
    const other = await newMember();
    await assert.rejects(changeEmail(actor, { email: other.email, current: PASSWORD }), code("CONFLICT"));
  });

  test("sending the link again is limited, and refused once confirmed", async () => {
    const m = await newMember();
    const actor = await db.user.findUniqueOrThrow({ where: { id: m.id }, select: { id: true, role: true, suspendedUntil: true, points: true } });
    for (let i = 0; i < 3; i++) await resendEmailConfirmation(actor);
    await assert.rejects(resendEmailConfirmation(actor), code("RATE_LIMITED"));
    assert.equal((await mailsTo(m.email, "confirm")).length, 4);
    await confirmEmail(await tokenFrom(m.email, "confirm"));
    await assert.rejects(resendEmailConfirmation(actor), code("CONFLICT"));
    await assert.rejects(resendEmailConfirmation(null), code("UNAUTHENTICATED"));
  });
});
