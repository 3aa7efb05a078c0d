import { signOut } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endAllSessions } from "@/lib/commands/accounts";
import { fromThisSite } from "@/lib/request";

export const dynamic = "force-dynamic";

/**
 * The header's "Log out" (components/html/site-chrome.tsx): ends the member's sessions
 * everywhere, not just this cookie, then goes home. Another site's form is refused.
 */
export async function POST(request: Request): Promise<Response> {
  if (!fromThisSite(request)) return new Response("Cross-site requests are refused.", { status: 403 });
  const user = await getCurrentUser();
  if (user) await endAllSessions(user.id);
  await signOut({ redirect: false });
  return new Response(null, { status: 303, headers: { Location: "/", "Cache-Control": "no-store" } });
}
