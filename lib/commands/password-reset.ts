/**
 * "Forgot password": a reset link by mail, and setting a new password with it.
 *
 * Asking says the same words whether or not an account uses the address, as fast: the one
 * statement that writes the token and the mail (only if the address is a member's) runs after
 * the answer. Asking is limited per address asked for and per client address. Resetting ends every
 * session of the member (the session version), as a password change does.
 */
import "server-only";
import { hashPassword, checkNewPassword } from "../auth/password";
import { db } from "../db";
import { AppError } from "../errors";
import { passwordResetMail } from "../mail/compose";
import { siteLink } from "../mail/config";
import { consume, describeWait, reset } from "../rate-limit";
import { rateLimits } from "../rules";
import { forgotPasswordSchema, resetPasswordSchema } from "../validation/account";
import { parseInput } from "../validation/parse";
import { loginFailuresKey } from "../auth/login-limits";
import { consumeToken, findTokenHolder, newToken, tokenLifetimeMs, voidTokens } from "./email-tokens";

export const RESET_REQUESTED = "If an account uses that address, we have sent it a link to choose a new password. The link works once, within an hour.";
export const RESET_LINK_INVALID = "This link has expired or has been used. Ask for a new one.";

// Usernames cannot hold braces (lib/validation/account.ts), so the slot cannot be forged.
const USERNAME_SLOT = "{{username}}";

/**
 * Answers at once, after the limits: the mail is queued in the background (`queued`, which
 * never rejects; a failure is logged), so the answer takes the same time whether or not a
 * member has the address. Awaited, the write would tell them apart: a transaction that wrote
 * rows waits for its commit to reach the disk, one that wrote nothing does not.
 */
export async function requestPasswordReset(input: unknown, from: { ip: string }, now = new Date()): Promise<{ message: string; queued: Promise<void> }> {
  const { email } = parseInput(forgotPasswordSchema, input);
  for (const [key, rule] of [
    [`reset:email:${email}`, rateLimits.resetRequestsPerEmail],
    [`reset:ip:${from.ip}`, rateLimits.resetRequestsPerAddress],
  ] as const) {
    const verdict = await consume(key, rule);
    if (!verdict.ok) {
      throw new AppError("RATE_LIMITED", `Too many reset requests. Try again in ${describeWait(verdict.retryAfterSeconds)}.`, {}, verdict.retryAfterSeconds);
    }
  }
  const queued = queueResetMail(email, now).catch((err: Error) => console.error(`Password reset: queuing the mail failed: ${err.message}`));
  return { message: RESET_REQUESTED, queued };
}

/** One statement, whether or not the address is a member's: the token and the mail if it is, nothing if not. */
async function queueResetMail(email: string, now: Date): Promise<void> {
  const { token, tokenHash } = newToken();
  const lifetime = tokenLifetimeMs.PASSWORD_RESET;
  const mail = passwordResetMail({ username: USERNAME_SLOT, link: siteLink(`/reset-password?token=${token}`), validMinutes: lifetime / 60_000 });
  await db.$executeRaw`
    WITH member AS (SELECT "id", "username", "email" FROM "User" WHERE "email" = ${email}),
    token AS (
      INSERT INTO "EmailToken" ("userId", "purpose", "tokenHash", "email", "expiresAt", "createdAt")
      SELECT "id", 'PASSWORD_RESET', ${tokenHash}, "email", ${new Date(now.getTime() + lifetime)}::timestamp, ${now}::timestamp FROM member)
    INSERT INTO "Mail" ("kind", "userId", "to", "subject", "text", "createdAt", "nextAttemptAt")
    SELECT 'reset', "id", "email", ${mail.subject}, replace(${mail.text}, ${USERNAME_SLOT}, "username"), ${now}::timestamp, ${now}::timestamp FROM member`;
}

/** Whether a reset link still works, for the page that asks for the new password. */
export async function resetLinkWorks(token: unknown): Promise<boolean> {
  return (await findTokenHolder(token, "PASSWORD_RESET")) !== null;
}

/** Sets a new password with a reset link's token; returns the member's username to log in with. */
export async function resetPassword(input: unknown, now = new Date()): Promise<{ username: string }> {
  const { token, password } = parseInput(resetPasswordSchema, input);
  const holder = await findTokenHolder(token, "PASSWORD_RESET", now);
  if (!holder) throw new AppError("BAD_INPUT", RESET_LINK_INVALID);
  // A refused password leaves the link usable for a better one.
  const problem = checkNewPassword(password, holder.username);
  if (problem) throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { password: [problem] });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, token, "PASSWORD_RESET", now))) throw new AppError("BAD_INPUT", RESET_LINK_INVALID);
    await voidTokens(tx, holder.userId, "PASSWORD_RESET", now);
    await tx.user.update({ where: { id: holder.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // The link came to the address: it is confirmed now, if it was not yet.
    await tx.user.updateMany({ where: { id: holder.userId, email: holder.email, emailVerified: null }, data: { emailVerified: now } });
  });
  // Whoever proved the address may log in at once, though failed guesses locked the account
  // (lib/actions/log-in.ts counts them per name or address typed).
  await reset(loginFailuresKey(holder.username));
  await reset(loginFailuresKey(holder.email));
  return { username: holder.username };
}
