import "server-only";
import { db } from "../db";
import { verifyPassword } from "./password";

/** Who a username-or-email and password belong to, or null (same time either way). */
export async function findMemberByCredentials(identifier: string, password: string) {
  const key = identifier.trim().toLowerCase();
  const user = await db.user.findFirst({
    where: key.includes("@") ? { email: key } : { usernameKey: key },
    select: { id: true, username: true, sessionVersion: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash, password);
  return ok && user ? { id: user.id, username: user.username, sessionVersion: user.sessionVersion } : null;
}

/** The member a GitHub identity belongs to, made on first sign-in (usernames made unique). */
export async function findOrCreateOAuthMember(provider: string, providerAccountId: string, login: string) {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { id: true, username: true, sessionVersion: true } } },
  });
  if (linked) return linked.user;
  const base = login.replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 24) || "member";
  for (let attempt = 0; attempt < 20; attempt++) {
    const username = attempt === 0 ? base : `${base}-${attempt + 1}`;
    const taken = await db.user.findUnique({ where: { usernameKey: username.toLowerCase() }, select: { id: true } });
    if (taken) continue;
    return db.user.create({
      data: {
        username,
        usernameKey: username.toLowerCase(),
        accounts: { create: { provider, providerAccountId, type: "oauth" } },
      },
      select: { id: true, username: true, sessionVersion: true },
    });
  }
  throw new Error("Could not find a free username for this account.");
}
