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

/** Whether a comment posted at `createdAt` may still be edited by its author. */
export function withinEditWindow(createdAt: Date, now: number = Date.now()): boolean {
  return now - createdAt.getTime() < commentRules.commentEditWindowMs;
}

/**
 * Comments on your own post, or on an answer to your own question, need no points; anywhere
 * else they need the commentEverywhere privilege (checked by the caller).
 */
export function isOwnThreadPost(actorId: number, post: { authorId: number; questionAuthorId: number }): boolean {
  return post.authorId === actorId || post.questionAuthorId === actorId;
}
