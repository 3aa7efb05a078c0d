/** What a post's vote buttons show: its score, the reader's vote, and why a vote was refused. */
export type VoteState = { score: number; myVote: -1 | 0 | 1; message?: string };

/** What the server will do with a click: the same arrow again removes the vote. */
export function predictVote(state: VoteState, direction: "up" | "down"): VoteState {
  const wanted = direction === "up" ? 1 : -1;
  const next = state.myVote === wanted ? 0 : wanted;
  return { score: state.score - state.myVote + next, myVote: next };
}
