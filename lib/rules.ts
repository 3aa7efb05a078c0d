/**
 * Every number of the points economy in one place. These are the defaults; admins tune them
 * (lib/commands/admin-rules.ts), which applies from then on: past ledger events keep the delta
 * they were written with, and a reversal always takes back exactly what its award gave.
 */
import { processState } from "./process-state";

const defaultRules = {
  /** For answering someone else's question; once per member per question. */
  answerPoints: 2,
  /** To the author of the answer picked as best, unless the asker picked their own. */
  bestAnswerPoints: 20,
  /** To a post's author for each upvote / downvote it holds (undone with the vote). */
  answerUpvotePoints: 5,
  questionUpvotePoints: 2,
  downvotePoints: -1,
};

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
const defaultPrivileges = {
  voteUp: 1,
  commentEverywhere: 2,
  voteDown: 10,
  editOthersPosts: 100,
  /** Images in posts: kept from brand-new accounts, the usual way spam and abuse arrive. */
  uploadImages: 10,
};

// Admins' values are applied in place. server.ts (which loads them at start and on other
// servers' changes) and Next's bundle of the app are separate module instances in one process,
// so the live values are the process's one copy (lib/process-state.ts), which both read.
type Tuned = { rules: typeof defaultRules; privileges: typeof defaultPrivileges };
const tuned = processState<Tuned>("tuned-rules", () => ({ rules: { ...defaultRules }, privileges: { ...defaultPrivileges } }));
export const rules = tuned.rules;
export const privileges = tuned.privileges;

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
  // "Forgot password" and "send the confirmation again": each sends a mail to someone's inbox.
  resetRequestsPerEmail: { limit: 3, windowMs: 60 * 60_000 },
  resetRequestsPerAddress: { limit: 10, windowMs: 60 * 60_000 },
  confirmationMailsPerMember: { limit: 3, windowMs: 60 * 60_000 },
} as const;

/** New accounts: limits that lift once a member has this many points. */
export const trust = {
  establishedPoints: 10,
  newMemberQuestionIntervalMs: 2 * 60_000,
  newMemberMaxLinks: 2,
  writesPerMemberPerMinute: 30,
  // Raised by the test servers, whose browsers all share one address.
  postsPerAddressPerMinute: Number(process.env.POSTS_PER_MINUTE) || 120,
  // The live preview asks once a pause in typing (lib/enhance/editor.ts): a fast typist's
  // minute is well under this, a script's is not.
  previewsPerAddressPerMinute: Number(process.env.PREVIEWS_PER_MINUTE) || 90,
  // JSON API reads (/api/v1), per token, or per address without one: a polite client's
  // minute is well under this; a scraper's is not.
  apiReadsPerMinute: Number(process.env.API_READS_PER_MINUTE) || 300,
} as const;

const megabytes = (env: string | undefined, fallback: number) => Math.round((Number(env) || fallback) * 1024 * 1024);

/** Images members upload (lib/uploads/). */
export const uploadLimits = {
  /** The largest file taken, as sent (UPLOAD_MAX_BYTES). */
  maxBytes: Number(process.env.UPLOAD_MAX_BYTES) || 4 * 1024 * 1024,
  /** What one member may keep stored, every variant counted (UPLOAD_QUOTA_MB). */
  quotaBytes: megabytes(process.env.UPLOAD_QUOTA_MB, 50),
  /** Uploads per member per hour (UPLOADS_PER_HOUR). */
  perMemberPerHour: Number(process.env.UPLOADS_PER_HOUR) || 20,
  /** Pixels an image (every frame of an animation together) may decode to: about 160 MB of RGBA. */
  maxPixels: 40_000_000,
  maxFrames: 300,
  /** Wider images get a display copy this wide; the original is kept beside it. */
  displayWidth: 1280,
} as const;

export const limits = {
  titleMin: 10,
  titleMax: 150,
  bodyMin: 20,
  bodyMax: 30_000,
  /** An edit's summary (a CHECK in the database holds it too). */
  editSummaryMax: 300,
  answerMin: 10,
  tagsMax: 5,
  tagMaxLength: 30,
} as const;

export type RuleOverrides = { rules?: Partial<typeof rules>; privileges?: Partial<typeof privileges> };

/** Applies admin-set values over the defaults in this process (numbers only, known keys only). */
export function applyRuleOverrides(overrides: RuleOverrides): void {
  for (const [target, values] of [[rules, overrides.rules], [privileges, overrides.privileges]] as const) {
    for (const [key, value] of Object.entries(values ?? {})) {
      if (key in target && Number.isInteger(value)) (target as Record<string, number>)[key] = value as number;
    }
  }
}
