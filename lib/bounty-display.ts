import { bountyRules } from "./rules";

// What a thread's bounty panel shows, for its React (components/bounty-panel.tsx) and string
// (components/member-thread-markup.ts) forms and the bounties list.

/** "6d 23h left", "5h 10m left", "12m left": how long a bounty still runs. */
export function formatTimeLeft(end: Date, now: Date = new Date()): string {
  const minutes = Math.floor((end.getTime() - now.getTime()) / 60_000);
  if (minutes < 1) return "ending now";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days}d ${hours}h left`;
  return hours > 0 ? `${hours}h ${minutes % 60}m left` : `${minutes}m left`;
}

/** Whether the reader is shown the form to offer a bounty on a thread that has none open. */
export function mayOfferBounty(viewer: { points: number }, question: { createdAt: Date; bestAnswerId: number | null; lockedAt: Date | null; closedAt: Date | null }, now: Date = new Date()): boolean {
  const oldEnough = now.getTime() - question.createdAt.getTime() >= bountyRules.minQuestionAgeMs;
  const open = question.bestAnswerId === null && !question.lockedAt && !question.closedAt;
  return oldEnough && open && viewer.points >= bountyRules.min;
}
