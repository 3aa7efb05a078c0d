/**
 * Every number of the points economy in one place. Changing a value applies from then on:
 * past ledger events keep the delta they were written with, and a reversal always takes back
 * exactly what its award gave.
 */
export const rules = {
  /** For answering someone else's question; once per member per question. */
  answerPoints: 2,
  /** To the author of the answer picked as best, unless the asker picked their own. */
  bestAnswerPoints: 20,
  /** To a post's author for each upvote / downvote it holds (undone with the vote). */
  answerUpvotePoints: 5,
  questionUpvotePoints: 2,
  downvotePoints: -1,
} as const;

/** Bounties: points a member puts on a question to draw answers. */
export const bountyRules = {
  min: 20,
  max: 200,
  minQuestionAgeMs: 24 * 3600_000,
  durationMs: 7 * 24 * 3600_000,
} as const;

/**
 * What members may do as their points grow, in the manner of Stack Overflow's privileges,
 * scaled to a young forum where an answer earns 2 and a best answer 20.
 */
export const privileges = {
  voteUp: 1,
  commentEverywhere: 2,
  voteDown: 10,
  editOthersPosts: 100,
} as const;

export type Privilege = keyof typeof privileges;

export function hasPrivilege(actor: { points: number; role: string }, privilege: Privilege): boolean {
  return actor.role !== "MEMBER" || actor.points >= privileges[privilege];
}

/** How often an address or account may try things, per window. */
export const rateLimits = {
  loginFailuresPerAccount: { limit: 5, windowMs: 15 * 60_000 },
  loginFailuresPerAddress: { limit: 20, windowMs: 15 * 60_000 },
  // Raised by the test servers, which sign up many members from one address.
  signupsPerAddress: { limit: Number(process.env.SIGNUPS_PER_HOUR) || 10, windowMs: 60 * 60_000 },
} as const;

export const limits = {
  titleMin: 10,
  titleMax: 150,
  bodyMin: 20,
  bodyMax: 30_000,
  answerMin: 10,
  tagsMax: 5,
  tagMaxLength: 30,
} as const;
