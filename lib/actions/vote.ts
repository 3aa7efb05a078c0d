"use server";
import { getCurrentUser } from "../auth/current-user";
import { castVote } from "../commands/vote";
import { isAppError } from "../errors";
import { formFields } from "../validation/parse";
import { guardWrite } from "./write-guard";

/** What a post's vote buttons show: its score, the viewer's vote, and why a vote was refused. */
export type VoteState = { score: number; myVote: -1 | 0 | 1; message?: string };

/**
 * Casts, changes or removes a vote. With JavaScript the buttons update in place from the
 * returned state; without it the form post re-renders the thread, which reads the new score.
 */
export async function voteAction(prev: VoteState, form: FormData): Promise<VoteState> {
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other");
    const { score, myVote } = await castVote(user, formFields(form));
    return { score, myVote };
  } catch (e) {
    if (isAppError(e)) return { score: prev.score, myVote: prev.myVote, message: e.message };
    throw e;
  }
}
