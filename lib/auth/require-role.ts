import "server-only";
import { notFound, redirect } from "next/navigation";
import { isModerator } from "../commands/guard";
import { getCurrentUser, type CurrentUser } from "./current-user";

/**
 * For pages only: sends the signed-out to log in and hides the page from those without the
 * role. Every action on these pages checks the role again on the server.
 */
export async function requireStaffPage(path: string, role: "MODERATOR" | "ADMIN"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  const allowed = role === "ADMIN" ? user.role === "ADMIN" : isModerator(user);
  if (!allowed) notFound();
  return user;
}
