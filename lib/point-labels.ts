import type { PointCause } from "./generated/prisma/enums";

const labels: Record<PointCause, [award: string, reversal: string]> = {
  ANSWER: ["Answered", "Answer points taken back"],
  BEST_ANSWER: ["Answer picked as best", "Best answer pick removed"],
  VOTE_UP: ["Upvote", "Upvote removed"],
  VOTE_DOWN: ["Downvote", "Downvote removed"],
  BOUNTY: ["Bounty awarded", "Bounty award taken back"],
  BOUNTY_OFFER: ["Bounty offered", "Bounty refunded"],
  ADJUSTMENT: ["Adjusted by a moderator", "Adjustment reversed"],
};

/** How a ledger event reads on a member's history: even seq awards, odd seq reverses. */
export function describePointEvent(cause: PointCause, seq: number): string {
  const [award, reversal] = labels[cause];
  return seq % 2 === 0 ? award : reversal;
}
