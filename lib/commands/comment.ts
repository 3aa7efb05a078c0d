import "server-only";
import { audit } from "../audit";
import { commentRules } from "../comment-rules";
import { isModerator, mayCommentOn, mayDeleteComment, withinEditWindow } from "../permissions";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { MARKDOWN_PIPELINE_VERSION, renderMarkdownAs } from "../markdown/render";
import { notifyComment, notifyMentions } from "../notifications";
import { invalidateQuestion } from "../page-cache";
import { addCommentSchema, deleteCommentSchema, editCommentSchema } from "../validation/comment";
import { parseInput } from "../validation/parse";
import { lockQuestion, requireMember, requirePrivilege, type Actor } from "./guard";

/** Rendered once on write; a comment of nothing but stripped markup is no comment. */
async function renderComment(body: string): Promise<{ bodyHtml: string; renderVersion: number }> {
  const { html: bodyHtml } = await renderMarkdownAs("comment", body);
  if (bodyHtml.replace(/<[^>]*>/g, "").trim() === "") {
    throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { body: ["Write some text: markup alone is removed."] });
  }
  return { bodyHtml, renderVersion: MARKDOWN_PIPELINE_VERSION };
}

/**
 * The live post a comment belongs to, with its thread's row locked (the same lock answers and
 * picks take, so a lock or deletion of the thread cannot slip in between check and write).
 */
async function lockPost(tx: Tx, post: { questionId: number | null; answerId: number | null }) {
  let questionId = post.questionId;
  let authorId: number | null = null;
  if (post.answerId !== null) {
    const answer = await tx.answer.findFirst({ where: { id: post.answerId, deletedAt: null }, select: { questionId: true } });
    if (!answer) throw new AppError("NOT_FOUND", "That answer does not exist or was removed.");
    questionId = answer.questionId;
  }
  if (questionId === null) throw new AppError("NOT_FOUND", "That post does not exist or was removed.");
  const question = await lockQuestion(tx, questionId);
  if (post.answerId !== null) {
    // Re-read under the lock: a deletion may have won the race.
    const answer = await tx.answer.findFirst({ where: { id: post.answerId, deletedAt: null }, select: { authorId: true } });
    if (!answer) throw new AppError("NOT_FOUND", "That answer was removed.");
    authorId = answer.authorId;
  }
  return {
    questionId: question.id,
    answerId: post.answerId ?? undefined,
    slug: question.slug,
    lockedAt: question.lockedAt,
    authorId: authorId ?? question.authorId,
    questionAuthorId: question.authorId,
  };
}

const LOCKED = "This thread is locked: its comments cannot be added or changed.";

/** Comments under a question or an answer; anyone with the privilege, or on your own thread's posts. */
export async function addComment(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { postType, postId, body } = parseInput(addCommentSchema, input);
  const rendered = await renderComment(body);
  const result = await db.$transaction(async (tx) => {
    const post = await lockPost(tx, postType === "question" ? { questionId: postId, answerId: null } : { questionId: null, answerId: postId });
    if (post.lockedAt) throw new AppError("FORBIDDEN", "This thread is locked: it takes no new comments.");
    if (!mayCommentOn(actor, post)) requirePrivilege(actor, "commentEverywhere", "comment on other members' posts");
    const now = new Date(); // the app's clock, which the edit window is measured against
    const comment = await tx.comment.create({
      data: { authorId: actor.id, questionId: post.answerId ? null : post.questionId, answerId: post.answerId ?? null, bodyMd: body, ...rendered, createdAt: now, updatedAt: now },
      select: { id: true },
    });
    const about = { questionId: post.questionId, answerId: post.answerId, commentId: comment.id, actorId: actor.id };
    // A mentioned post author hears once, as a mention.
    const mentioned = await notifyMentions(tx, { ...about, text: body });
    await notifyComment(tx, { ...about, skipUserIds: mentioned });
    return { id: comment.id, questionId: post.questionId, slug: post.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}

/** Authors may correct their comment for a few minutes after posting it. */
export async function editComment(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { commentId, body } = parseInput(editCommentSchema, input);
  const rendered = await renderComment(body);
  const result = await db.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({
      where: { id: commentId, deletedAt: null },
      select: { authorId: true, createdAt: true, questionId: true, answerId: true },
    });
    if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist or was removed.");
    if (comment.authorId !== actor.id) throw new AppError("FORBIDDEN", "You can only edit your own comments.");
    if (!withinEditWindow(comment.createdAt)) {
      const minutes = commentRules.commentEditWindowMs / 60_000;
      throw new AppError("FORBIDDEN", `Comments can be edited for ${minutes} minutes after posting; this one can no longer be changed.`);
    }
    const post = await lockPost(tx, comment);
    if (post.lockedAt) throw new AppError("FORBIDDEN", LOCKED);
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, authorId: actor.id, deletedAt: null },
      data: { bodyMd: body, ...rendered, updatedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That comment was removed.");
    // Only members not yet mentioned in this comment hear about it.
    await notifyMentions(tx, { questionId: post.questionId, answerId: post.answerId, commentId, actorId: actor.id, text: body });
    return { id: commentId, questionId: post.questionId, slug: post.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}

/** Soft delete (the row stays): by its author, or by a moderator. */
export async function deleteComment(actorOrNull: Actor | null, input: unknown) {
  const actor = requireMember(actorOrNull);
  const { commentId } = parseInput(deleteCommentSchema, input);
  const mayModerate = isModerator(actor);
  const result = await db.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: { id: commentId, deletedAt: null }, select: { authorId: true, questionId: true, answerId: true } });
    if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist or was already removed.");
    if (comment.authorId !== actor.id && !mayModerate) throw new AppError("FORBIDDEN", "You can only delete your own comments.");
    const post = await lockPost(tx, comment);
    if (!mayDeleteComment(actor, comment, { locked: post.lockedAt !== null })) throw new AppError("FORBIDDEN", LOCKED);
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, deletedAt: null, ...(mayModerate ? {} : { authorId: actor.id }) },
      data: { deletedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That comment was already removed.");
    // Removing someone else's comment is a moderator action, and leaves a trace like the others.
    if (comment.authorId !== actor.id) {
      await audit(tx, { actorId: actor.id, action: "comment.delete", targetType: "comment", targetId: commentId, before: { deleted: false, authorId: comment.authorId }, after: { deleted: true } });
    }
    return { id: commentId, questionId: post.questionId, slug: post.slug };
  });
  invalidateQuestion(result.questionId);
  return result;
}
