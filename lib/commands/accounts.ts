import "server-only";
import { hashPassword, checkNewPassword, verifyPassword } from "../auth/password";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { invalidateLists } from "../page-cache";
import { changePasswordSchema, signUpSchema } from "../validation/account";
import { parseInput } from "../validation/parse";
import { queueEmailConfirmation } from "./account-settings";
import { requireMember, type Actor } from "./guard";

const weak = (message: string) => new AppError("BAD_INPUT", "Please correct the highlighted fields.", { password: [message] });

/** Registers a member and sends a link to confirm the address. Usernames and emails are unique regardless of case. */
export async function signUp(input: unknown) {
  const { username, email, password } = parseInput(signUpSchema, input);
  const problem = checkNewPassword(password, username);
  if (problem) throw weak(problem);
  const taken = await db.user.findFirst({
    where: { OR: [{ usernameKey: username.toLowerCase() }, { email }] },
    select: { usernameKey: true },
  });
  if (taken) throw takenError(taken.usernameKey === username.toLowerCase());
  try {
    const passwordHash = await hashPassword(password);
    // The confirmation mail is queued with the account: no account, no mail; no mail lost.
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { username, usernameKey: username.toLowerCase(), email, passwordHash },
        select: { id: true, username: true },
      });
      await queueEmailConfirmation(tx, { ...created, email });
      return created;
    });
    invalidateLists();
    return user;
  } catch (e) {
    // Two sign-ups racing for one name: the database's unique key decides.
    if (isUniqueViolation(e)) throw takenError(true);
    throw e;
  }
}

function takenError(username: boolean) {
  return username
    ? new AppError("CONFLICT", "Please correct the highlighted fields.", { username: ["That username is taken."] })
    : new AppError("CONFLICT", "Please correct the highlighted fields.", { email: ["An account with this email exists. Log in instead."] });
}

/** Changes a password; every existing session of the member ends. */
export async function changePassword(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { current, password } = parseInput(changePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { username: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { current: ["That is not your current password."] });
  }
  const problem = checkNewPassword(password, user.username);
  if (problem) throw weak(problem);
  await db.user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
  });
}

/** Ends every session of the member (sign-out, everywhere). */
export async function endAllSessions(userId: number) {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
