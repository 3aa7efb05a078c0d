import { guardWrite } from "@/lib/actions/write-guard";
import { castVote } from "@/lib/commands/vote";
import { handleThreadFormPost } from "@/lib/thread-form-post";

export const dynamic = "force-dynamic";

/**
 * A post's vote buttons (components/html/thread/vote-control.tsx): casts the vote and goes back
 * to the post, whose page then shows the new score; the page's script posts the same form
 * asking for JSON and shows the score in place (lib/enhance/votes.ts).
 */
export async function POST(request: Request): Promise<Response> {
  return handleThreadFormPost(
    request,
    async (user, fields) => {
      await guardWrite(user, "other");
      return castVote(user, fields);
    },
    {
      refused: "Your vote was not counted",
      anchor: (_, fields) => (fields.postType === "answer" && /^\d{1,9}$/.test(fields.postId ?? "") ? `#answer-${fields.postId}` : ""),
      json: ({ score, myVote }) => ({ score, myVote }),
    },
  );
}
