/**
 * The numbers of comments, kept apart from lib/rules.ts (the points economy). No "server-only":
 * the comment form reads them too.
 */
export const commentRules = {
  commentMin: 2,
  commentMax: 600,
  /** Authors may correct a comment this long after posting it; after that it stands. */
  commentEditWindowMs: 5 * 60_000,
} as const;

// Who may comment where, and edit or delete a comment, is lib/permissions.ts's.
