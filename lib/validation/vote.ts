import { z } from "zod";
import { idSchema } from "./post";

/** One click on a vote button: which post, and which arrow. */
export const voteSchema = z.object({
  postType: z.enum(["question", "answer"], { error: "Vote on a question or an answer." }),
  postId: idSchema,
  direction: z.enum(["up", "down"], { error: "Vote up or down." }),
});

export type VoteInput = z.infer<typeof voteSchema>;
