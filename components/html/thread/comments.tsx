/** @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import { commentRules } from "@/lib/comment-rules";
import { countText } from "@/lib/enhance/preview";
import { formatExact } from "@/lib/format";
import { openFormHref } from "@/lib/open-forms";
import { userPath } from "@/lib/paths";
import { privileges } from "@/lib/rules";
import { FieldError, FormMessage } from "../form-bits";
import { RelativeTime } from "../relative-time";
import { ActionButton, ActionForm } from "./action-form";
import { LinkDisclosure } from "./disclosure";
import { FlagDisclosure } from "./flag-form";
import { NO_ECHO, type CommentView, type Echo, type Question } from "./model";
import type { CommentPart, PostPart } from "./post-part";

type PostType = "question" | "answer";

type FormProps = { back: string; echo?: Echo } & ({ mode: "add"; postType: PostType; postId: number } | { mode: "edit"; commentId: number; body: string });

/** Adds or edits a comment; the form alone (a refusal page shows it too). */
export function CommentForm(props: FormProps) {
  const { back, echo = NO_ECHO } = props;
  const id = props.mode === "add" ? `comment-on-${props.postType}-${props.postId}` : `comment-edit-${props.commentId}`;
  const body = echo.values.body ?? (props.mode === "edit" ? props.body : "");
  const fields: Record<string, string | number> = props.mode === "add" ? { postType: props.postType, postId: props.postId } : { commentId: props.commentId };
  const { commentMin, commentMax } = commentRules;
  return (
    <ActionForm action={props.mode === "add" ? "add-comment" : "edit-comment"} back={back} fields={fields} class="comment-form" noValidate>
      <FormMessage message={echo.message} />
      <label for={id}>{props.mode === "add" ? "Comment" : "Edit comment"}</label>
      <textarea id={id} name="body" rows={3} minLength={commentMin} maxLength={commentMax} required aria-invalid={echo.errors.body ? "true" : undefined} aria-describedby={`${id}-hint ${id}-error`}>
        {`\n${body}`}
      </textarea>
      <p id={`${id}-hint`} class="hint">
        `code`, *emphasis*, **bold** and [links](https://…) · <span data-count-of={id}>{countText(body.length, commentMax)}</span>
      </p>
      <FieldError id={`${id}-error`} errors={echo.errors.body} />
      <button type="submit" data-pending="Saving…">
        {props.mode === "add" ? "Add comment" : "Save comment"}
      </button>
    </ActionForm>
  );
}

function CommentItem({ comment: c, part, question, back, notice }: { comment: CommentView; part: CommentPart; question: Question; back: string; notice?: string }) {
  return (
    <li id={`comment-${c.id}`} class="comment">
      {/* Sanitized by lib/markdown when the comment was written. */}
      <div class="comment-body">{raw(c.bodyHtml)}</div>
      <div class="comment-meta">
        <a href={userPath(c.author.username)}>{c.author.username}</a>
        <RelativeTime date={c.createdAt} />
        {c.updatedAt.getTime() > c.createdAt.getTime() && <span title={`Edited ${formatExact(c.updatedAt)}`}>edited</span>}
        {part.mayEdit && (
          <details>
            <summary>Edit</summary>
            <CommentForm mode="edit" commentId={c.id} body={c.bodyMd} back={back} />
          </details>
        )}
        {c.hiddenAt && <span class="comment-hidden">Hidden after spam flags, pending review</span>}
        {part.mayDelete && (
          <ActionButton action="delete-comment" back={back} fields={{ commentId: c.id }} confirm="Delete this comment?" label="Delete" pending="Deleting…" buttonClass="button-quiet" />
        )}
        {part.mayFlag && <FlagDisclosure target="comment" targetId={c.id} question={question} back={back} open={part.flagOpen || notice !== undefined} notice={notice} />}
      </div>
    </li>
  );
}

type SectionProps = { postType: PostType; postId: number; comments: CommentView[]; part: PostPart; question: Question; back: string; focus: string };

/**
 * The comments under one post, and "Add a comment" (or what commenting there takes). Signed-out
 * readers see the comments alone, and nothing under a post without any.
 */
export function CommentSection({ postType, postId, comments, part, question, back, focus }: SectionProps) {
  if (comments.length === 0 && !part.signedIn) return null;
  const notice = (key: string) => (part.notice?.form === key ? part.notice.message : undefined);
  return (
    <section class="comments" aria-label={`Comments on this ${postType}`}>
      {comments.length > 0 && (
        <ol class="comment-list">
          {comments.map((c, i) => (
            <CommentItem comment={c} part={part.comments[i]!} question={question} back={back} notice={notice(`flag:comment-${c.id}`)} />
          ))}
        </ol>
      )}
      {part.signedIn && part.writeRefusal !== null && <p class="muted comments-closed">{part.writeRefusal} No new comments.</p>}
      {part.signedIn &&
        part.writeRefusal === null &&
        !part.locked &&
        (part.mayComment ? (
          <LinkDisclosure label="Add a comment" href={openFormHref("comment", question, postType, postId)} open={part.commentOpen} focus={focus} class="comment-add">
            <CommentForm mode="add" postType={postType} postId={postId} back={back} />
          </LinkDisclosure>
        ) : (
          <p class="hint">You need {privileges.commentEverywhere} points to comment on other members&apos; posts.</p>
        ))}
      {part.signedIn && part.writeRefusal === null && part.locked && <p class="muted comments-locked">This thread is locked: no new comments.</p>}
    </section>
  );
}
