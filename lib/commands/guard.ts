import "server-only";
import type { Role } from "../generated/prisma/enums";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { formatExact, plural } from "../format";
import { hasPrivilege, privileges, type Privilege } from "../rules";

/** Who is acting, as loaded fresh for this request (never taken from the client). */
export type Actor = { id: number; role: Role; suspendedUntil: Date | null; points: number };

/** A signed-in member who may write: not signed out, not suspended. */
export function requireMember(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Log in to do that.");
  if (actor.suspendedUntil && actor.suspendedUntil > new Date()) {
    throw new AppError("FORBIDDEN", `Your account is suspended until ${formatExact(actor.suspendedUntil)}.`);
  }
  return actor;
}

/** Refuses members below a privilege's threshold, saying how many points it takes. */
export function requirePrivilege(actor: Actor, privilege: Privilege, doing: string): void {
  if (!hasPrivilege(actor, privilege)) {
    throw new AppError("FORBIDDEN", `You need ${plural(privileges[privilege], "point")} to ${doing}.`);
  }
}

export { isModerator } from "../permissions";

/**
 * Locks a live question's row for the rest of the transaction, so that everything touching
 * one thread's answers, best answer and points (picks, deletions, new answers) runs one at a
 * time. Returns what the callers decide on.
 */
export async function lockQuestion(tx: Tx, questionId: number) {
  const rows = await tx.$queryRaw<
    { id: number; authorId: number; bestAnswerId: number | null; slug: string; lockedAt: Date | null; closedAt: Date | null }[]
  >`SELECT "id", "authorId", "bestAnswerId", "slug", "lockedAt", "closedAt" FROM "Question"
    WHERE "id" = ${questionId} AND "deletedAt" IS NULL FOR UPDATE`;
  const question = rows[0];
  if (!question) throw new AppError("NOT_FOUND", "That question does not exist or was removed.");
  return question;
}
