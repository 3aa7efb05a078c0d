import { toggleFollow } from "@/lib/commands/follow";
import { handleThreadFormPost } from "@/lib/thread-form-post";

export const dynamic = "force-dynamic";

/**
 * The Follow button of a thread (components/html/thread/posts.tsx): follows or unfollows, then
 * goes back to the thread, which shows the new state, or answers the page's script with it as
 * JSON (lib/enhance/follow.ts).
 */
export async function POST(request: Request): Promise<Response> {
  return handleThreadFormPost(request, (user, fields) => toggleFollow(user, fields), { refused: "The follow did not change", json: ({ following }) => ({ following }) });
}
