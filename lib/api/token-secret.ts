import { createHash, randomBytes } from "node:crypto";

/**
 * A personal access token: a recognisable prefix (so a leaked one is easy to spot in logs and
 * secret scanners) and 256 random bits. Only its SHA-256 is stored: a plain hash suffices for
 * a secret this long, and lets a request's token be found by an indexed lookup.
 */
export const TOKEN_PREFIX = "ppt_";

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Whether a string has the shape of a token this forum issued (anything else is refused unlooked-up). */
export const looksLikeTokenSecret = (secret: string) => /^ppt_[A-Za-z0-9_-]{43}$/.test(secret);
