/**
 * A post's vote form (components/html/thread/vote-control.tsx): its state read from the buttons
 * and written back, as the server renders it.
 */
import type { VoteState } from "../vote-state";

export function readVoteState(form: HTMLFormElement): VoteState {
  const score = Number(form.querySelector("output")?.lastChild?.textContent ?? 0);
  const pressed = (value: string) => form.querySelector(`button[value=${value}]`)?.getAttribute("aria-pressed") === "true";
  return { score, myVote: pressed("up") ? 1 : pressed("down") ? -1 : 0 };
}

export function showVoteState(form: HTMLFormElement, state: VoteState): void {
  const output = form.querySelector("output");
  if (output?.lastChild) output.lastChild.textContent = String(state.score);
  for (const [value, wanted, name] of [["up", 1, "upvote"], ["down", -1, "downvote"]] as const) {
    const button = form.querySelector(`button[value=${value}]`);
    button?.setAttribute("aria-pressed", String(state.myVote === wanted));
    button?.setAttribute("aria-label", state.myVote === wanted ? `Remove ${name}` : `${name[0]!.toUpperCase()}${name.slice(1)}`);
  }
  form.querySelector(".vote-message")?.remove();
  if (state.message) {
    const alert = document.createElement("p");
    alert.className = "vote-message";
    alert.setAttribute("role", "alert");
    alert.textContent = state.message;
    form.append(alert);
  }
}

/** Which arrow a submit came from. */
export const voteDirection = (e: SubmitEvent): "up" | "down" => ((e.submitter as HTMLButtonElement | null)?.value === "down" ? "down" : "up");
