import "server-only";
import { cache } from "react";
import { auth } from "./config";
import { findSessionMember } from "./identity";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof findSessionMember>>>;

/**
 * The signed-in member for this request, fresh from the database (role, points, suspension),
 * or null when signed out or when the token's session version has been superseded.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  const { uid, sv } = session ?? {};
  if (!Number.isSafeInteger(uid) || !Number.isSafeInteger(sv)) return null;
  return findSessionMember(uid!, sv!);
});
