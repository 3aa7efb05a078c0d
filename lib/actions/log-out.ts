"use server";
import { signOut } from "../auth/config";
import { getCurrentUser } from "../auth/current-user";
import { endAllSessions } from "../commands/accounts";

/** Signing out ends the member's sessions everywhere, not just this cookie. */
export async function logOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endAllSessions(user.id);
  await signOut({ redirectTo: "/" });
}
