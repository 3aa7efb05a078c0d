import { toggleFollow } from "@/lib/commands/follow";
import { handleThreadFormPost } from "@/lib/no-script-form";

export const dynamic = "force-dynamic";

/**
 * The Follow button of a member's thread page written as a string
 * (components/member-thread-markup.ts): follows or unfollows, then goes back to the thread,
 * which shows the new state. A page React renders calls followAction instead.
 */
export async function POST(request: Request): Promise<Response> {
  return handleThreadFormPost(request, { refused: "The follow did not change" }, (user, fields) => toggleFollow(user, fields));
}
