/**
 * What of one reader is in one post: their vote, the controls lib/permissions.ts gives them on
 * it and its comments, and which of its forms the address opens. Small and plain, so a post's
 * HTML can be kept for every reader whose part is the same (server/thread-page.ts): most
 * members' part in most posts is the signed-in default.
 */
import { myThreadState } from "@/lib/data/votes";
import { formKey } from "@/lib/open-forms";
import { isModerator, isSuspended, mayCommentOn, mayDeleteAnswer, mayDeleteComment, mayEditComment, mayEditPost, mayFlag, mayPickBestAnswer, votePointsRefusal, voteRefusal } from "@/lib/permissions";
import type { CommentView, Notice, OpenForms, PublicThread, Reader } from "./model";

export type CommentPart = { mayEdit: boolean; mayDelete: boolean; mayFlag: boolean; flagOpen: boolean };

export type PostPart = {
  signedIn: boolean;
  /** Sees posts and comments hidden by flags (marked) and the moderators' controls. */
  moderator: boolean;
  myVote: -1 | 0 | 1;
  /** Why the vote buttons are off (their own post, a locked thread, a suspension), or null. */
  voteRefusal: string | null;
  /** Why one arrow is off for lack of points ("You need 10 points to vote down."), or null. */
  pointsRefusal: { up: string | null; down: string | null };
  /** Why nothing can be written on this post at all (a deleted post, a suspended reader), or null. */
  writeRefusal: string | null;
  mayEdit: boolean;
  /** Answers: Delete (their own, or any for a moderator). */
  mayDelete: boolean;
  /** Answers: a moderator's Undelete on a deleted answer of a live question. */
  mayUndelete: boolean;
  /** Answers: the asker (or a moderator) picks it as best, or clears the mark. */
  mayPick: boolean;
  /** Answers: the open bounty this reader offered and may award to it. */
  awardBountyId: number | null;
  mayFlag: boolean;
  /** "Add a comment"; signed in but without the points, what it takes instead. */
  mayComment: boolean;
  locked: boolean;
  flagOpen: boolean;
  commentOpen: boolean;
  comments: CommentPart[];
  /** The question: whether the reader follows it (its header's Follow button). */
  following: boolean;
  /** A message for one of the post's forms (a flag's thanks). */
  notice: Notice | null;
};

type Post = { kind: "question" | "answer"; id: number; authorId: number; deletedAt: Date | null };

/** The reader's part in one post of `shared` (its comments given, in order). */
export function postPart(reader: Reader, shared: PublicThread, post: Post, comments: CommentView[], opened: OpenForms, notice: Notice | null = null): PostPart {
  const { question, bounty } = shared.thread;
  const locked = question.lockedAt !== null;
  const mine = reader ? myThreadState(shared.marks, reader.id) : null;
  const myVote = !mine ? 0 : post.kind === "question" ? mine.votes.question : (mine.votes.answers.get(post.id) ?? 0);
  const isAnswer = post.kind === "answer";
  const threadPost = { authorId: post.authorId, questionAuthorId: question.authorId };
  // A notice names its form as "<form>:<target>" (lib/notices.ts); the post shows those of its own and its comments' forms.
  const targets = new Set([formKey(post.kind, post.id), ...comments.map((c) => formKey("comment", c.id))]);
  const ownNotice = notice && targets.has(notice.form.slice(notice.form.indexOf(":") + 1)) ? notice : null;
  // A deleted post (only moderators see one) takes nothing but its Undelete; in a deleted
  // question that is the moderators' panel's, for the whole thread. A suspended member writes
  // nothing anywhere (the commands refuse them too).
  const deleted = post.deletedAt !== null || question.deletedAt !== null;
  const writeRefusal = !reader ? null : isSuspended(reader) ? "Your account is suspended." : deleted ? "This post is deleted." : null;
  const actor = writeRefusal === null ? reader : null;
  return {
    signedIn: reader !== null,
    moderator: reader !== null && isModerator(reader),
    myVote,
    voteRefusal: reader && (actor ? voteRefusal(actor, post, { locked }) : writeRefusal),
    pointsRefusal: {
      up: actor && votePointsRefusal(actor, "up", myVote === 1),
      down: actor && votePointsRefusal(actor, "down", myVote === -1),
    },
    writeRefusal,
    mayEdit: actor !== null && mayEditPost(actor, post),
    mayDelete: actor !== null && isAnswer && mayDeleteAnswer(actor, post),
    mayUndelete: reader !== null && isAnswer && post.deletedAt !== null && question.deletedAt === null && isModerator(reader) && !isSuspended(reader),
    mayPick: actor !== null && isAnswer && mayPickBestAnswer(actor, question),
    awardBountyId: actor && isAnswer && bounty && bounty.offererId === actor.id && post.authorId !== actor.id ? bounty.id : null,
    mayFlag: actor !== null && mayFlag(actor, post),
    mayComment: actor !== null && mayCommentOn(actor, threadPost),
    locked,
    flagOpen: opened.flag === formKey(post.kind, post.id),
    commentOpen: opened.comment === formKey(post.kind, post.id),
    comments: comments.map((c) => ({
      mayEdit: actor !== null && mayEditComment(actor, c, { locked }),
      mayDelete: actor !== null && mayDeleteComment(actor, c, { locked }),
      mayFlag: actor !== null && mayFlag(actor, c),
      flagOpen: opened.flag === formKey("comment", c.id),
    })),
    following: !isAnswer && (mine?.following ?? false),
    notice: ownNotice,
  };
}
