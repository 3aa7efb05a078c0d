import "server-only";
import { newTokenSecret, hashTokenSecret } from "../api/token-secret";
import { db } from "../db";
import { AppError } from "../errors";
import { idSchema } from "../validation/post";
import { newApiTokenSchema, tokenLifetimes, TOKENS_PER_MEMBER } from "../validation/api-token";
import { parseInput } from "../validation/parse";
import { requireMember, type Actor } from "./guard";

const DAY_MS = 24 * 3600_000;

/**
 * Makes a personal access token for the JSON API. The secret is returned this once and never
 * stored: only its hash is. A suspended member makes none (requireMember).
 */
export async function createApiToken(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { name, expiresInDays } = parseInput(newApiTokenSchema, input);
  const days = tokenLifetimes[expiresInDays];
  const now = new Date();
  const secret = newTokenSecret();
  const token = await db.$transaction(async (tx) => {
    // The member's row orders their concurrent creations, so the cap holds.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${actor.id} FOR UPDATE`;
    if ((await tx.apiToken.count({ where: { userId: actor.id } })) >= TOKENS_PER_MEMBER) {
      throw new AppError("CONFLICT", `You have ${TOKENS_PER_MEMBER} tokens already: revoke one you no longer use first.`);
    }
    return tx.apiToken.create({
      data: { userId: actor.id, name, tokenHash: hashTokenSecret(secret), createdAt: now, expiresAt: days === null ? null : new Date(now.getTime() + days * DAY_MS) },
      select: { id: true, name: true, createdAt: true, expiresAt: true },
    });
  });
  return { ...token, secret };
}

/** Revokes one of the member's own tokens: it stops working at once, on every server. */
export async function revokeApiToken(actorOrNull: Actor | null, tokenIdInput: unknown) {
  if (!actorOrNull) throw new AppError("UNAUTHENTICATED", "Log in to do that.");
  const id = parseInput(idSchema, tokenIdInput);
  // Owner in the where clause; a suspended member may still revoke their tokens.
  const { count } = await db.apiToken.deleteMany({ where: { id, userId: actorOrNull.id } });
  if (count === 0) throw new AppError("NOT_FOUND", "That token does not exist or was revoked already.");
}
