import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { findSessionMember, type SessionMember } from "./session-member";
import { readSessionToken } from "./session-token";

export type CurrentUser = SessionMember;

/**
 * The signed-in member for this request inside Next (pages, routes): from the session cookie
 * and the members kept in memory (lib/auth/session-member.ts); null when signed out or when the
 * token's session version has been superseded. The front door reads the same way (server/viewer.ts).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSessionToken(await cookies());
  return session ? findSessionMember(session.uid, session.sv) : null;
});
