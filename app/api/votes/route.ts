import { guardWrite } from "@/lib/actions/write-guard";
import { castVote } from "@/lib/commands/vote";
import { handleThreadFormPost } from "@/lib/no-script-form";

export const dynamic = "force-dynamic";

/**
 * The vote buttons' form: casts the vote and goes back to the post, whose page then shows the
 * new score. The plain thread page's script posts the same form asking for JSON and shows the
 * score in place (lib/enhance/votes.ts); a hydrated page's buttons call voteAction
 * (lib/actions/vote.ts) instead. A plain form post, so the thread page need not carry a
 * server-action form per post.
 */
export async function POST(request: Request): Promise<Response> {
  return handleThreadFormPost(
    request,
    {
      refused: "Your vote was not counted",
      anchor: (fields) => (fields.postType === "answer" && /^\d{1,9}$/.test(fields.postId ?? "") ? `#answer-${fields.postId}` : ""),
      json: (result) => {
        const { score, myVote } = result as Awaited<ReturnType<typeof castVote>>;
        return { score, myVote };
      },
    },
    async (user, fields) => {
      await guardWrite(user, "other");
      return castVote(user, fields);
    },
  );
}
