import "server-only";
import { guardWrite } from "../actions/write-guard";
import { castVote } from "../commands/vote";
import { parseInput } from "../validation/parse";
import { voteSchema } from "../validation/vote";
import type { TokenHolder } from "../data/api-tokens";
import { jsonBody } from "./input";
import { jsonResponse } from "./route";

/**
 * A vote through the API: the vote buttons' guard and command. Like the buttons, the same
 * direction again takes the vote back; `myVote` says where it stands after.
 */
export async function voteThroughApi(request: Request, holder: TokenHolder, postType: "question" | "answer", postId: number): Promise<Response> {
  const input = await jsonBody(request);
  const vote = parseInput(voteSchema, { postType, postId, direction: input.direction });
  await guardWrite(holder.actor, "other");
  const { score, myVote } = await castVote(holder.actor, vote);
  return jsonResponse({ postType, postId, score, myVote });
}
