/**
 * What a member changes about their account in /settings: the display name, the email address
 * (confirmed again by a link sent to the new one), and which mail they get.
 */
import "server-only";
import { verifyPassword } from "../auth/password";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { confirmEmailMail } from "../mail/compose";
import { invalidateLists } from "../page-cache";
import { siteLink } from "../mail/config";
import { queueMail } from "../mail/queue";
import { consume, describeWait } from "../rate-limit";
import { rateLimits } from "../rules";
import { changeEmailSchema, displayNameSchema, mailChoicesSchema } from "../validation/account";
import { parseInput } from "../validation/parse";
import { consumeToken, findTokenHolder, issueToken, tokenLifetimeMs } from "./email-tokens";
import { requireMember, type Actor } from "./guard";

export const CONFIRM_LINK_INVALID = "This confirmation link has expired, has been used, or is for an address you no longer use. Send a new one from your settings.";

/** Inside the transaction that sets the address: a link to confirm it, sent if that commits. */
export async function queueEmailConfirmation(tx: Tx, member: { id: number; username: string; email: string }) {
  const token = await issueToken(tx, { userId: member.id, email: member.email, purpose: "CONFIRM_EMAIL" });
  const mail = confirmEmailMail({ username: member.username, link: siteLink(`/confirm-email?token=${token}`), validHours: tokenLifetimeMs.CONFIRM_EMAIL / 3600_000 });
  await queueMail(tx, { kind: "confirm", userId: member.id, to: member.email, ...mail });
}

/** Confirms the address a link was sent to; returns it. */
export async function confirmEmail(token: unknown, now = new Date()): Promise<{ email: string }> {
  const holder = await findTokenHolder(token, "CONFIRM_EMAIL", now);
  if (!holder || typeof token !== "string") throw new AppError("BAD_INPUT", CONFIRM_LINK_INVALID);
  await db.$transaction(async (tx) => {
    if (!(await consumeToken(tx, token, "CONFIRM_EMAIL", now))) throw new AppError("BAD_INPUT", CONFIRM_LINK_INVALID);
    const set = await tx.user.updateMany({ where: { id: holder.userId, email: holder.email }, data: { emailVerified: now } });
    if (set.count !== 1) throw new AppError("BAD_INPUT", CONFIRM_LINK_INVALID);
  });
  return { email: holder.email };
}

/** Sends the confirmation link again (a few times an hour at most). */
export async function resendEmailConfirmation(actorOrNull: Actor | null) {
  const actor = requireMember(actorOrNull);
  const member = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, username: true, email: true, emailVerified: true } });
  if (!member.email) throw new AppError("BAD_INPUT", "Add an email address first.");
  if (member.emailVerified) throw new AppError("CONFLICT", "Your address is confirmed already.");
  const verdict = await consume(`confirm:member:${actor.id}`, rateLimits.confirmationMailsPerMember);
  if (!verdict.ok) throw new AppError("RATE_LIMITED", `We have sent several links already. Try again in ${describeWait(verdict.retryAfterSeconds)}.`, {}, verdict.retryAfterSeconds);
  const email = member.email;
  await db.$transaction((tx) => queueEmailConfirmation(tx, { ...member, email }));
}

/**
 * Changes the address: it is unconfirmed until the link sent to it is followed. Asks for the
 * current password (when the account has one): whoever holds a stolen session must not be
 * able to move the account's password resets to their own inbox.
 */
export async function changeEmail(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { email, current } = parseInput(changeEmailSchema, input);
  const member = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { username: true, email: true, passwordHash: true } });
  if (member.passwordHash && !(await verifyPassword(member.passwordHash, current ?? ""))) {
    throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { current: ["That is not your current password."] });
  }
  if (member.email === email) throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { email: ["That is your address already."] });
  try {
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.id }, data: { email, emailVerified: null }, select: { id: true } });
      await queueEmailConfirmation(tx, { id: actor.id, username: member.username, email });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Please correct the highlighted fields.", { email: ["Another account uses that address."] });
    throw e;
  }
}

export async function changeDisplayName(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { displayName } = parseInput(displayNameSchema, input);
  await db.user.update({ where: { id: actor.id }, data: { displayName }, select: { id: true } });
  invalidateLists(); // the member's page, cached for readers signed out
}

/** Which mail the member gets. Switching the digest on starts it from now, not from the past. */
export async function changeMailChoices(actorOrNull: Actor | null, input: unknown, now = new Date()) {
  const actor = requireMember(actorOrNull);
  const choices = parseInput(mailChoicesSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { mailDigest: true } });
    await tx.user.update({
      where: { id: actor.id },
      data: { ...choices, ...(choices.mailDigest && !before.mailDigest ? { digestSentAt: now } : {}) },
      select: { id: true },
    });
  });
}
