import assert from "node:assert/strict";
import { test } from "node:test";
import { encode } from "next-auth/jwt";
import { cookieJar, readSessionToken } from "../lib/auth/session-token";

// Session cookies are read directly (lib/auth/session-token.ts), as Auth.js would read them.
process.env.AUTH_SECRET = "a test secret, long enough for the key derivation 0123456789";
const NAME = "authjs.session-token";
const jar = (cookies: Record<string, string>) => ({ get: (name: string) => (name in cookies ? { value: cookies[name]! } : undefined) });
const mint = (claims: object, maxAge = 3600, salt = NAME) => encode({ token: { sub: "1", ...claims }, secret: process.env.AUTH_SECRET!, salt, maxAge });

test("a valid token gives its member id and session version, on either cookie name", async () => {
  assert.deepEqual(await readSessionToken(jar({ [NAME]: await mint({ uid: 42, sv: 3 }) })), { uid: 42, sv: 3 });
  const secure = `__Secure-${NAME}`;
  assert.deepEqual(await readSessionToken(jar({ [secure]: await mint({ uid: 7, sv: 0 }, 3600, secure) })), { uid: 7, sv: 0 });
  // Read again (now remembered): the same answer.
  const token = await mint({ uid: 9, sv: 1 });
  assert.deepEqual(await readSessionToken(jar({ [NAME]: token })), { uid: 9, sv: 1 });
  assert.deepEqual(await readSessionToken(jar({ [NAME]: token })), { uid: 9, sv: 1 });
});

test("no cookie, a forged or altered token, another salt, an expired token or missing claims give no session", async () => {
  assert.equal(await readSessionToken(jar({})), null);
  assert.equal(await readSessionToken(jar({ [NAME]: "not-a-token" })), null);
  const token = await mint({ uid: 42, sv: 3 });
  const altered = token.slice(0, -6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
  assert.equal(await readSessionToken(jar({ [NAME]: altered })), null);
  assert.equal(await readSessionToken(jar({ [NAME]: await mint({ uid: 42, sv: 3 }, 3600, "other-salt") })), null);
  assert.equal(await readSessionToken(jar({ [NAME]: await mint({ uid: 42, sv: 3 }, -60) })), null);
  assert.equal(await readSessionToken(jar({ [NAME]: await mint({ uid: "x", sv: 3 }) })), null);
});

test("a token split over chunked cookies is read whole, as Auth.js joins it", async () => {
  const token = await mint({ uid: 5, sv: 2 });
  const at = Math.floor(token.length / 2);
  assert.deepEqual(await readSessionToken(jar({ [`${NAME}.0`]: token.slice(0, at), [`${NAME}.1`]: token.slice(at) })), { uid: 5, sv: 2 });
  assert.equal(await readSessionToken(jar({ [`${NAME}.0`]: token.slice(0, at) })), null);
});

test("the front door's jar reads a Cookie header as sent", async () => {
  const token = await mint({ uid: 11, sv: 4 });
  assert.deepEqual(await readSessionToken(cookieJar(`theme=dark; ${NAME}=${token}; other=x`)), { uid: 11, sv: 4 });
  assert.equal(await readSessionToken(cookieJar(undefined)), null);
});
