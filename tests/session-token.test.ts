import assert from "node:assert/strict";
import { test } from "node:test";
import { encode } from "next-auth/jwt";
import { readSessionToken } from "../lib/auth/session-token";

// Session cookies are read directly (lib/auth/session-token.ts), as Auth.js would read them.
process.env.AUTH_SECRET = "a test secret, long enough for the key derivation 0123456789";
const NAME = "authjs.session-token";
const jar = (cookies: Record<string, string>) => ({ get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined) });
const mint = (claims: object, maxAge = 3600, salt = NAME) => encode({ token: { sub: "1", ...claims }, secret: process.env.AUTH_SECRET!, salt, maxAge });
const noFallback = async () => {
  throw new Error("the fallback is only for chunked cookies");
};

test("a valid token gives its member id and session version, on either cookie name", async () => {
  assert.deepEqual(await readSessionToken(jar({ [NAME]: await mint({ uid: 42, sv: 3 }) }), noFallback), { uid: 42, sv: 3 });
  const secure = `__Secure-${NAME}`;
  assert.deepEqual(await readSessionToken(jar({ [secure]: await mint({ uid: 7, sv: 0 }, 3600, secure) }), noFallback), { uid: 7, sv: 0 });
  // Read again (now remembered): the same answer.
  const token = await mint({ uid: 9, sv: 1 });
  assert.deepEqual(await readSessionToken(jar({ [NAME]: token }), noFallback), { uid: 9, sv: 1 });
  assert.deepEqual(await readSessionToken(jar({ [NAME]: token }), noFallback), { uid: 9, sv: 1 });
});

test("no cookie, a forged or altered token, another salt, an expired token or missing claims give no session", async () => {
  assert.equal(await readSessionToken(jar({}), noFallback), null);
  assert.equal(await readSessionToken(jar({ [NAME]: "not-a-token" }), noFallback), null);
  const token = await mint({ uid: 42, sv: 3 });
  const altered = token.slice(0, -6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
  assert.equal(await readSessionToken(jar({ [NAME]: altered }), noFallback), null);
  assert.equal(await readSessionToken(jar({ [NAME]: await mint({ uid: 42, sv: 3 }, 3600, "other-salt") }), noFallback), null);
  assert.equal(await readSessionToken(jar({ [NAME]: await mint({ uid: 42, sv: 3 }, -60) }), noFallback), null);
  assert.equal(await readSessionToken(jar({ [NAME]: await mint({ uid: "x", sv: 3 }) }), noFallback), null);
});

test("a token split over chunked cookies is left to Auth.js", async () => {
  let asked = 0;
  const session = await readSessionToken(jar({ [`${NAME}.0`]: "part", [`${NAME}.1`]: "part" }), async () => (asked++, { uid: 5, sv: 2 }));
  assert.deepEqual(session, { uid: 5, sv: 2 });
  assert.equal(asked, 1);
});
