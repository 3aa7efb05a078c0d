/**
 * Who may do what on a thread, each rule once: the commands refuse by these (lib/commands) and
 * the thread's markup offers only what they allow (components/html/thread), so a control is
 * shown exactly when the server would take it. Points thresholds are lib/rules.ts's. The
 * server re-checks every one of these on every write, with the row locked.
 */
import { commentRules } from "./comment-rules";
import { plural } from "./format";
import { hasPrivilege, privileges } from "./rules";

type Member = { id: number; role: string; points: number };
type Authored = { authorId: number };

export const isModerator = (actor: Pick<Member, "role">) => actor.role === "MODERATOR" || actor.role === "ADMIN";

/** The asker, or a moderator, picks (and clears) the best answer. */
export const mayPickBestAnswer = (actor: Member, question: Authored) => question.authorId === actor.id || isModerator(actor);

/** Authors edit their posts; moderators and members past the editing threshold edit any. */
export const mayEditPost = (actor: Member, post: Authored) => post.authorId === actor.id || isModerator(actor) || hasPrivilege(actor, "editOthersPosts");

/** Authors delete their own answers; moderators delete any post. */
export const mayDeleteAnswer = (actor: Member, answer: Authored) => answer.authorId === actor.id || isModerator(actor);

/**
 * Why a member may not vote on a post at all, or null: nobody votes on their own post, nor in a
 * locked thread. (The points it takes are checked when the vote is cast, and said then.)
 */
export function voteRefusal(actor: Member, post: Authored, thread: { locked: boolean }): string | null {
  if (post.authorId === actor.id) return "You cannot vote on your own post.";
  if (thread.locked) return "This thread is locked: votes are closed.";
  return null;
}

/**
 * Why a member may not cast a vote in one direction for lack of points, or null. Taking back
 * the vote they hold needs no points (`held`), as castVote allows.
 */
export function votePointsRefusal(actor: Member, direction: "up" | "down", held: boolean): string | null {
  if (held || hasPrivilege(actor, direction === "up" ? "voteUp" : "voteDown")) return null;
  const needed = privileges[direction === "up" ? "voteUp" : "voteDown"];
  return `You need ${plural(needed, "point")} to vote ${direction}.`;
}

/** A suspended member reads but writes nothing (lib/commands/guard.ts refuses every write). */
export const isSuspended = (member: { suspendedUntil: Date | null }, now = new Date()) => member.suspendedUntil !== null && member.suspendedUntil > now;

/** Nobody flags their own post or comment. */
export const mayFlag = (actor: Member, target: Authored) => target.authorId !== actor.id;

/**
 * Comments on your own post, or on an answer to your own question, need no points; anywhere
 * else they need the commentEverywhere privilege.
 */
export const isOwnThreadPost = (actorId: number, post: { authorId: number; questionAuthorId: number }) => post.authorId === actorId || post.questionAuthorId === actorId;

export const mayCommentOn = (actor: Member, post: { authorId: number; questionAuthorId: number }) =>
  isOwnThreadPost(actor.id, post) || hasPrivilege(actor, "commentEverywhere");

/** Whether a comment posted at `createdAt` may still be edited by its author. */
export function withinEditWindow(createdAt: Date, now: number = Date.now()): boolean {
  return now - createdAt.getTime() < commentRules.commentEditWindowMs;
}

/** Authors correct a comment for a few minutes after posting it, unless the thread is locked. */
export const mayEditComment = (actor: Member, comment: Authored & { createdAt: Date }, thread: { locked: boolean }, now = Date.now()) =>
  comment.authorId === actor.id && !thread.locked && withinEditWindow(comment.createdAt, now);

/** Authors delete their comments while the thread is open; moderators delete any, always. */
export const mayDeleteComment = (actor: Member, comment: Authored, thread: { locked: boolean }) =>
  (comment.authorId === actor.id && !thread.locked) || isModerator(actor);
