"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { MarkdownEditor } from "@/components/markdown-editor";
import { SubmitButton } from "@/components/submit-button";
import { postAnswerAction } from "@/lib/actions/post-answer";
import { limits } from "@/lib/rules";

export function AnswerForm({ questionId }: { questionId: number }) {
  const [state, action] = useActionState(postAnswerAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="questionId" value={questionId} />
      <FormMessage message={state.message} />
      <MarkdownEditor name="body" label="Your answer" defaultValue={state.values?.body} minLength={limits.answerMin} maxLength={limits.bodyMax} rows={10} errorId="answer-body-error" required kind="post" />
      <FieldError id="answer-body-error" errors={state.errors?.body} />
      <SubmitButton pendingText="Posting…">Post your answer</SubmitButton>
    </form>
  );
}
