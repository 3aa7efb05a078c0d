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
} as const;

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
