import "server-only";
import { hashTokenSecret, looksLikeTokenSecret } from "../api/token-secret";
import type { Actor } from "../commands/guard";
import { db } from "../db";

/** A member's tokens for the settings page: never the hash. */
export function listApiTokens(userId: number) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

export type TokenHolder = { tokenId: number; actor: Actor & { username: string } };

// Last use is a day-to-day hint for the member, not an audit trail: written at most this often,
// so a busy script does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The member a token belongs to, loaded fresh (role, points, suspension as they are now), or
 * null for a token that is unknown, revoked (deleted) or expired.
 */
export async function findTokenHolder(secret: string, now = new Date()): Promise<TokenHolder | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, username: true, role: true, points: true, suspendedUntil: true } } },
  });
  if (!row || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, actor: row.user };
}
