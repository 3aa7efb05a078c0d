"use client";
import { useActionState } from "react";
import { EditSummaryField } from "@/components/edit-summary-field";
import { FieldError, FormMessage } from "@/components/field-error";
import { MarkdownField } from "@/components/markdown-field";
import { SubmitButton } from "@/components/submit-button";
import { editAnswerAction } from "@/lib/actions/edit-post";
import { limits } from "@/lib/rules";

export function AnswerEditForm({ answerId, body }: { answerId: number; body: string }) {
  const [state, action] = useActionState(editAnswerAction, {});
  return (
    <form action={action} className="stack-form" noValidate key={JSON.stringify(state.values ?? null)}>
      <input type="hidden" name="answerId" value={answerId} />
      <FormMessage message={state.message} />
      <MarkdownField id="body" name="body" label="Answer" value={state.values?.body ?? body} minLength={limits.answerMin} maxLength={limits.bodyMax} rows={14} errorId="body-error" invalid={!!state.errors?.body} required kind="post" />
      <FieldError id="body-error" errors={state.errors?.body} />
      <EditSummaryField value={state.values?.summary} errors={state.errors?.summary} />
      <SubmitButton pendingText="Saving…">Save edits</SubmitButton>
    </form>
  );
}
