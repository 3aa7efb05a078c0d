import { predictVote, type VoteState } from "../vote-state";
import { readVoteState, showVoteState, voteDirection } from "./vote-form";

const NOT_SENT = "Your vote could not be sent. Try again.";

/**
 * A vote made in place: shown at once, then as /api/votes reports it counted (or why it
 * refused, with the vote shown as before). Without JavaScript the same form posts and comes back.
 */
export function voteInPlace(form: HTMLFormElement, e: SubmitEvent): void {
  e.preventDefault();
  const direction = voteDirection(e);
  const before = readVoteState(form);
  const data = new FormData(form);
  data.set("direction", direction);
  showVoteState(form, predictVote(before, direction));
  postVote(before, data).then(
    (after) => showVoteState(form, after),
    () => showVoteState(form, { ...before, message: NOT_SENT }),
  );
}

/** The vote form's own post, asking /api/votes for JSON instead of the way back. */
async function postVote(before: VoteState, data: FormData): Promise<VoteState> {
  const res = await fetch("/api/votes", { method: "POST", body: data, headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { score?: unknown; myVote?: unknown; error?: unknown };
  if (res.ok && typeof body.score === "number" && (body.myVote === 1 || body.myVote === 0 || body.myVote === -1)) return { score: body.score, myVote: body.myVote };
  return { ...before, message: typeof body.error === "string" ? body.error : NOT_SENT };
}
