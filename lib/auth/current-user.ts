import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "./config";
import { findSessionMember } from "./identity";
import { readSessionToken } from "./session-token";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof findSessionMember>>>;

/**
 * The signed-in member for this request, fresh from the database (role, points, suspension),
 * or null when signed out or when the token's session version has been superseded.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSessionToken(await cookies(), async () => (await auth()) as { uid?: number; sv?: number } | null);
  return session ? findSessionMember(session.uid, session.sv) : null;
});
