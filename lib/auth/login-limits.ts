import "server-only";
import { check, consume, reset } from "../rate-limit";
import { rateLimits } from "../rules";

/** The key that counts failed log-ins for one account, by the username or email typed. */
export const loginFailuresKey = (identifier: string) => `login:account:${identifier.toLowerCase()}`;

/**
 * The brute-force limits of every password log-in, by the form or posted straight at Auth.js's
 * callback: the credentials provider's authorize() (lib/auth/config.ts) runs it, so no path
 * around the form escapes it. The account's attempt is counted before the password is checked,
 * so guesses sent in parallel cannot all pass the check, and is forgiven when the password is
 * right; the address counts failures only (an office behind one address signs in often).
 * Refused, it says how long to wait.
 */
export async function logInWithinLimits<T>(identifier: string, address: string, verify: () => Promise<T | null>): Promise<{ ok: true; member: T | null } | { ok: false; retryAfterSeconds: number }> {
  const accountKey = loginFailuresKey(identifier);
  const addressKey = `login:ip:${address}`;
  const fromAddress = await check(addressKey, rateLimits.loginFailuresPerAddress);
  if (!fromAddress.ok) return fromAddress;
  const forAccount = await consume(accountKey, rateLimits.loginFailuresPerAccount);
  if (!forAccount.ok) return forAccount;
  const member = await verify();
  if (member) await reset(accountKey);
  else await consume(addressKey, rateLimits.loginFailuresPerAddress);
  return { ok: true, member };
}
