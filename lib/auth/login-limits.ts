import "server-only";
import { CredentialsSignin } from "next-auth";
import { check, consume, reset } from "../rate-limit";
import { rateLimits } from "../rules";

/** The key that counts failed log-ins for one account, by the username or email typed. */
export const loginFailuresKey = (identifier: string) => `login:account:${identifier.toLowerCase()}`;

/** A log-in refused before its password is checked: too many failures for the account or from the address. */
export class TooManyLogIns extends CredentialsSignin {
  code = "too_many_attempts";
  constructor(readonly retryAfterSeconds: number) {
    super("Too many failed log-ins");
  }
}

/**
 * The brute-force limits of every password log-in, by the form or posted straight at Auth.js's
 * callback: the credentials provider's authorize() (lib/auth/config.ts) runs it, so no path
 * around the form escapes it. The account's attempt is counted before the password is checked,
 * so guesses sent in parallel cannot all pass the check, and is forgiven when the password is
 * right; the address counts failures only (an office behind one address signs in often).
 */
export async function logInWithinLimits<T>(identifier: string, address: string, verify: () => Promise<T | null>): Promise<T | null> {
  const accountKey = loginFailuresKey(identifier);
  const addressKey = `login:ip:${address}`;
  const fromAddress = await check(addressKey, rateLimits.loginFailuresPerAddress);
  if (!fromAddress.ok) throw new TooManyLogIns(fromAddress.retryAfterSeconds);
  const forAccount = await consume(accountKey, rateLimits.loginFailuresPerAccount);
  if (!forAccount.ok) throw new TooManyLogIns(forAccount.retryAfterSeconds);
  const member = await verify();
  if (member) await reset(accountKey);
  else await consume(addressKey, rateLimits.loginFailuresPerAddress);
  return member;
}
