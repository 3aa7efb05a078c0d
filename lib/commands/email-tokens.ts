/**
 * Links sent by mail: a random token (32 bytes, base64url) in the link, only its SHA-256 in
 * the database. Single-use (consumed by one UPDATE that also checks expiry, so two clicks
 * racing cannot both win) and tied to the address it was sent to.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "../db";
import type { EmailTokenPurpose } from "../generated/prisma/enums";

export const tokenLifetimeMs: Record<EmailTokenPurpose, number> = {
  PASSWORD_RESET: 60 * 60_000,
  CONFIRM_EMAIL: 48 * 3600_000,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh token and its hash. The token goes in the mail; the hash is what is stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Tokens are base64url; anything else is not one of ours and need not reach the database. */
export const looksLikeToken = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);

export async function issueToken(tx: Tx, p: { userId: number; email: string; purpose: EmailTokenPurpose; now?: Date }): Promise<string> {
  const { token, tokenHash } = newToken();
  const now = p.now ?? new Date();
  await tx.emailToken.create({
    data: { userId: p.userId, email: p.email, purpose: p.purpose, tokenHash, expiresAt: new Date(now.getTime() + tokenLifetimeMs[p.purpose]) },
    select: { id: true },
  });
  return token;
}

type Holder = { userId: number; username: string; email: string };

/** Who a token is for, if it is unused, unexpired and the member's address is still the one it was sent to. */
export async function findTokenHolder(token: unknown, purpose: EmailTokenPurpose, now = new Date()): Promise<Holder | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db.emailToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, email: true, user: { select: { id: true, username: true, email: true } } },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  if (row.user.email?.toLowerCase() !== row.email.toLowerCase()) return null;
  return { userId: row.user.id, username: row.user.username, email: row.email };
}

/** Uses a token up: true for the one caller that did, false if it was used, expired or unknown. */
export async function consumeToken(tx: Tx, token: string, purpose: EmailTokenPurpose, now = new Date()): Promise<boolean> {
  const used = await tx.emailToken.updateMany({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return used.count === 1;
}

/** Voids every other open token of this purpose for the member (a reset makes older links useless). */
export async function voidTokens(tx: Tx, userId: number, purpose: EmailTokenPurpose, now = new Date()) {
  await tx.emailToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
}
