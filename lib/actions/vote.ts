"use server";
import { getCurrentUser } from "../auth/current-user";
import { castVote } from "../commands/vote";
import { isAppError } from "../errors";
import { formFields } from "../validation/parse";
import { guardWrite } from "./write-guard";

/** What a vote leaves: the post's new score and the voter's vote, or why it was refused. */
export type VoteOutcome = { score: number; myVote: -1 | 0 | 1 } | { message: string };

/**
 * Casts, changes or removes a vote. It takes only the form, so it is the vote form's own action:
 * without JavaScript the form posts to it and the re-rendered thread reads the new score; with
 * JavaScript the buttons call it and show the outcome in place.
 */
export async function voteAction(form: FormData): Promise<VoteOutcome> {
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other");
    const { score, myVote } = await castVote(user, formFields(form));
    return { score, myVote };
  } catch (e) {
    if (isAppError(e)) return { message: e.message };
    throw e;
  }
}
