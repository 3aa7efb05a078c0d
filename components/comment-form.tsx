"use client";
import { useActionState, useId, useState } from "react";
import { addCommentAction, editCommentAction } from "@/lib/actions/comment";
import { commentRules } from "@/lib/comment-rules";
import { countText } from "@/lib/enhance/preview";
import { openFormHref } from "@/lib/open-forms";
import type { CommentPostType } from "@/lib/validation/comment";
import { FieldError, FormMessage } from "./field-error";
import { LinkDisclosure } from "./link-disclosure";
import { SubmitButton } from "./submit-button";
import styles from "./comment-list.module.css";

type Props =
  | { mode: "add"; postType: CommentPostType; postId: number }
  | { mode: "edit"; commentId: number; body: string };

/** Adds or edits a comment; a plain form post without JavaScript. */
export function CommentForm(props: Props) {
  const [state, action] = useActionState(props.mode === "add" ? addCommentAction : editCommentAction, {});
  // Controlled, so a refused comment keeps its text for correcting.
  const [body, setBody] = useState(state.values?.body ?? (props.mode === "edit" ? props.body : ""));
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const { commentMin, commentMax } = commentRules;
  return (
    <form action={action} className={styles.form} noValidate>
      {props.mode === "add" ? (
        <>
          <input type="hidden" name="postType" value={props.postType} />
          <input type="hidden" name="postId" value={props.postId} />
        </>
      ) : (
        <input type="hidden" name="commentId" value={props.commentId} />
      )}
      <FormMessage message={state.message} />
      <label htmlFor={id}>{props.mode === "add" ? "Comment" : "Edit comment"}</label>
      <textarea
        id={id}
        name="body"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        minLength={commentMin}
        maxLength={commentMax}
        required
        aria-invalid={state.errors?.body ? true : undefined}
        aria-describedby={`${hintId} ${errorId}`}
      />
      <p id={hintId} className="hint">
        `code`, *emphasis*, **bold** and [links](https://…) · <span data-count-of={id}>{countText(body.length, commentMax)}</span>
      </p>
      <FieldError id={errorId} errors={state.errors?.body} />
      <SubmitButton pendingText="Saving…">{props.mode === "add" ? "Add comment" : "Save comment"}</SubmitButton>
    </form>
  );
}

type AddProps = { postType: CommentPostType; postId: number; thread: { questionId: number; slug: string }; open: boolean };

/** "Add a comment" under a post: the form is rendered only once opened (see LinkDisclosure). */
export function AddComment({ postType, postId, thread, open }: AddProps) {
  return (
    <LinkDisclosure label="Add a comment" href={openFormHref("comment", thread, postType, postId)} open={open} className={styles.add}>
      <CommentForm mode="add" postType={postType} postId={postId} />
    </LinkDisclosure>
  );
}
