/**
 * Session cookies for generated members, minted the way Auth.js does after a sign-in: a JWE
 * keyed by AUTH_SECRET with the cookie's name as salt, carrying the member id (uid) and their
 * session version (sv), which getCurrentUser() checks against the database.
 */
import { encode } from "next-auth/jwt";

export const SESSION_COOKIE = "authjs.session-token";
// Fixed so the harness can mint cookies the benchmarked server accepts; never used elsewhere.
export const BENCH_AUTH_SECRET = "forum-bench-secret-not-for-production-0123456789abcdef";

export async function sessionCookie(member: { id: number; username: string }, sessionVersion = 0): Promise<string> {
  const token = await encode({
    token: { uid: member.id, sv: sessionVersion, name: member.username, sub: String(member.id) },
    secret: BENCH_AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: 24 * 3600,
  });
  return `${SESSION_COOKIE}=${token}`;
}
