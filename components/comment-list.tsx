import { deleteCommentAction } from "@/lib/actions/comment";
import { withinEditWindow } from "@/lib/comment-rules";
import type { CommentView } from "@/lib/data/comments";
import { formatExact } from "@/lib/format";
import { formKey, type OpenForms } from "@/lib/open-forms";
import { privileges } from "@/lib/rules";
import type { CommentPostType } from "@/lib/validation/comment";
import { ActionButton } from "./action-button";
import { AddComment, CommentForm } from "./comment-form";
import { FlagMenu } from "./flag-menu";
import { RelativeTime } from "./relative-time";
import styles from "./comment-list.module.css";

type Viewer = { id: number; mayModerate: boolean } | null;
const NONE_OPEN: OpenForms = {};

type Props = {
  comments: CommentView[];
  viewer: Viewer;
  postType: CommentPostType;
  postId: number;
  /** The thread the post is in, for the flag form to return to. */
  thread: { id: number; slug: string };
  locked: boolean;
  /** False when the viewer lacks the points to comment here (the server re-checks anyway). */
  canComment?: boolean;
  /** The forms the URL asks to render open (`?flag=comment-7`, `?comment=answer-3`). */
  opened?: OpenForms;
};

/**
 * The comments under one post. Signed-out readers get the same bytes (the page is cached for
 * them); controls appear only in signed-in renders.
 */
export function CommentList({ comments, viewer, postType, postId, thread, locked, canComment = true, opened = NONE_OPEN }: Props) {
  if (comments.length === 0 && !viewer) return null;
  return (
    <section className={styles.comments} aria-label={`Comments on this ${postType}`}>
      {comments.length > 0 && (
        <ol className={styles.list}>
          {comments.map((c) => {
            const mine = viewer?.id === c.authorId;
            const mayEdit = mine && !locked && withinEditWindow(c.createdAt);
            const mayDelete = (mine && !locked) || !!viewer?.mayModerate;
            return (
              <li key={c.id} id={`comment-${c.id}`} className={styles.comment}>
                {/* Sanitized by lib/markdown when the comment was written. */}
                <div className={styles.body} dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
                <div className={styles.meta}>
                  <a href={`/users/${c.author.username}`}>{c.author.username}</a>
                  <RelativeTime date={c.createdAt} />
                  {c.updatedAt.getTime() > c.createdAt.getTime() && <span title={`Edited ${formatExact(c.updatedAt)}`}>edited</span>}
                  {mayEdit && (
                    // Keyed by the last edit so a saved edit closes the disclosure.
                    <details key={c.updatedAt.getTime()}>
                      <summary>Edit</summary>
                      <CommentForm mode="edit" commentId={c.id} body={c.bodyMd} />
                    </details>
                  )}
                  {c.hiddenAt && <span className={styles.hidden}>Hidden after spam flags, pending review</span>}
                  {mayDelete && (
                    <ActionButton action={deleteCommentAction} fields={{ commentId: c.id }} label="Delete" className="button-quiet" confirm="Delete this comment?" pendingText="Deleting…" />
                  )}
                  {viewer && !mine && <FlagMenu postType="comment" postId={c.id} questionId={thread.id} slug={thread.slug} open={opened.flag === formKey("comment", c.id)} />}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {viewer && !locked && (canComment ? (
        // Keyed by the count so that, after posting, a fresh closed form replaces the used one.
        <AddComment key={comments.length} postType={postType} postId={postId} thread={{ questionId: thread.id, slug: thread.slug }} open={opened.comment === formKey(postType, postId)} />
      ) : (
        <p className="hint">You need {privileges.commentEverywhere} points to comment on other members&apos; posts.</p>
      ))}
      {viewer && locked && <p className={`muted ${styles.locked}`}>This thread is locked: no new comments.</p>}
    </section>
  );
}
