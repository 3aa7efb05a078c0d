"use client";
import { useId, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { addCommentAction, editCommentAction } from "@/lib/actions/comment";
import type { FormState } from "@/lib/actions/form-state";
import { commentRules } from "@/lib/comment-rules";
import type { CommentPostType } from "@/lib/validation/comment";
import { FieldError, FormMessage } from "./field-error";
import styles from "./comment-list.module.css";

type Props =
  | { mode: "add"; postType: CommentPostType; postId: number }
  | { mode: "edit"; commentId: number; body: string };

const subscribeNever = () => () => {};

/**
 * Adds or edits a comment. A thread renders one under every post, so it does without
 * useActionState, whose no-JavaScript state the server would encode into each copy: the action
 * takes only the form and is the form's own action. Without JavaScript the browser checks the
 * length rules itself (the form validates natively until hydrated) and the post redirects back
 * to the comment; with it, the server's messages show in place.
 */
export function CommentForm(props: Props) {
  const action = props.mode === "add" ? addCommentAction : editCommentAction;
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  // Controlled, so a refused comment keeps its text for correcting.
  const [body, setBody] = useState(props.mode === "edit" ? props.body : "");
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const { commentMin, commentMax } = commentRules;
  const formAction: (form: FormData) => void = action;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    // Success redirects back to the thread: thrown to Next's boundary, as from a form action.
    startTransition(async () => {
      const next = await action(data);
      startTransition(() => setState(next));
    });
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className={styles.form} noValidate={hydrated}>
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
        `code`, *emphasis*, **bold** and [links](https://…) · {body.length} / {commentMax}
      </p>
      <FieldError id={errorId} errors={state.errors?.body} />
      <button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Saving…" : props.mode === "add" ? "Add comment" : "Save comment"}
      </button>
    </form>
  );
}
