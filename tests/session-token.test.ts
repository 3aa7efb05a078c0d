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

// ASVS 5.0 9.1.2 and 9.1.3: only the algorithms Auth.js issues are read, and only with the key
// derived from AUTH_SECRET; a token naming its own key, or none, is nobody's session.
const b64 = (o: object | string) => Buffer.from(typeof o === "string" ? o : JSON.stringify(o)).toString("base64url");
test("an unsecured or signed-only token, or one that brings its own key, gives no session", async () => {
  const claims = { sub: "1", uid: 42, sv: 3, exp: Math.floor(Date.now() / 1000) + 3600 };
  const unsecured = `${b64({ alg: "none" })}.${b64(claims)}.`;
  assert.equal(await readSessionToken(jar({ [NAME]: unsecured })), null);
  const key = crypto.getRandomValues(new Uint8Array(32));
  const signingInput = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}`;
  const signature = Buffer.from(await crypto.subtle.sign("HMAC", await crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]), new TextEncoder().encode(signingInput))).toString("base64url");
  assert.equal(await readSessionToken(jar({ [NAME]: `${signingInput}.${signature}` })), null);
  // A real token's header swapped for one carrying an embedded key: the header is part of what
  // the tag covers, so it no longer decrypts.
  const [, ...rest] = (await mint({ uid: 42, sv: 3 })).split(".");
  const withKey = [b64({ alg: "dir", enc: "A256CBC-HS512", jwk: { kty: "oct", k: Buffer.from(key).toString("base64url") } }), ...rest].join(".");
  assert.equal(await readSessionToken(jar({ [NAME]: withKey })), null);
});

// ASVS 5.0 11.3: the one thing the forum encrypts is the session token, with an authenticated
// mode of AES-256 (Auth.js's dir + A256CBC-HS512), never ECB.
test("session tokens are direct-key AES-256 JWE with an authentication tag", async () => {
  const header = JSON.parse(Buffer.from((await mint({ uid: 1, sv: 0 })).split(".")[0]!, "base64url").toString()) as Record<string, string>;
  assert.equal(header.alg, "dir");
  assert.equal(header.enc, "A256CBC-HS512");
});
