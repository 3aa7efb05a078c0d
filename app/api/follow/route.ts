import { toggleFollow } from "@/lib/commands/follow";
import { handleThreadFormPost } from "@/lib/no-script-form";

export const dynamic = "force-dynamic";

/**
 * The Follow button of a member's thread page written as a string
 * (components/member-thread-markup.ts): follows or unfollows, then goes back to the thread,
 * which shows the new state, or answers the page's script with it as JSON
 * (lib/enhance/follow.ts). A page React renders calls followAction instead.
 */
export async function POST(request: Request): Promise<Response> {
  const json = (result: unknown) => ({ following: (result as Awaited<ReturnType<typeof toggleFollow>>).following });
  return handleThreadFormPost(request, { refused: "The follow did not change", json }, (user, fields) => toggleFollow(user, fields));
}
