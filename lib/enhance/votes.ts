import { predictVote } from "../vote-state";
import { readVoteState, showVoteState, voteDirection } from "./vote-form";

const NOT_SENT = "Your vote could not be sent. Try again.";

/**
 * A vote sent in place: shown at once, then the score the server counted (or why it refused,
 * with the vote shown as before). /api/votes answers JSON when asked; without this script the
 * same form posts there and comes back to the thread.
 */
export function sendVote(form: HTMLFormElement, e: SubmitEvent): void {
  e.preventDefault();
  const direction = voteDirection(e);
  const before = readVoteState(form);
  const data = new FormData(form);
  data.set("direction", direction);
  showVoteState(form, predictVote(before, direction));
  fetch(form.action, { method: "POST", body: data, headers: { accept: "application/json" } })
    .then(async (res) => {
      const body = (await res.json().catch(() => ({}))) as { score?: unknown; myVote?: unknown; error?: unknown };
      if (res.ok && typeof body.score === "number" && (body.myVote === 1 || body.myVote === 0 || body.myVote === -1)) {
        return showVoteState(form, { score: body.score, myVote: body.myVote });
      }
      showVoteState(form, { ...before, message: typeof body.error === "string" ? body.error : NOT_SENT });
    })
    .catch(() => showVoteState(form, { ...before, message: NOT_SENT }));
}
