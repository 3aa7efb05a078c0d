"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { MarkdownEditor } from "@/components/markdown-editor";
import { SubmitButton } from "@/components/submit-button";
import { editAnswerAction } from "@/lib/actions/edit-post";
import { limits } from "@/lib/rules";

export function AnswerEditForm({ answerId, body }: { answerId: number; body: string }) {
  const [state, action] = useActionState(editAnswerAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="answerId" value={answerId} />
      <FormMessage message={state.message} />
      <MarkdownEditor name="body" label="Answer" defaultValue={body} minLength={limits.answerMin} maxLength={limits.bodyMax} rows={14} errorId="body-error" required kind="post" />
      <FieldError id="body-error" errors={state.errors?.body} />
      <SubmitButton pendingText="Saving…">Save edits</SubmitButton>
    </form>
  );
}
