import { randomBytes } from "node:crypto";
import { db } from "../db";

const KEY = "auth:secret";

/**
 * The key that signs session cookies. AUTH_SECRET wins when set; otherwise one is made on the
 * first start and kept in the database, so sessions survive restarts with no setup and every
 * app server on one PostgreSQL shares it.
 */
export async function ensureAuthSecret(): Promise<string> {
  const fresh = randomBytes(32).toString("base64url");
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: fresh }, update: {} });
  const stored = await db.setting.findUniqueOrThrow({ where: { key: KEY }, select: { value: true } });
  return String(stored.value);
}
