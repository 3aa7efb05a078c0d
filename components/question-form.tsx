"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { MarkdownEditor } from "@/components/markdown-editor";
import { SimilarQuestions } from "@/components/similar-questions";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { limits } from "@/lib/rules";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  categories: readonly { id: number; name: string; emoji: string }[];
  initial?: { questionId: number; title: string; body: string; categoryId: number; tags: string };
  submitLabel: string;
};

/** Asking and editing a question: title, Markdown body with live preview, category, tags. */
export function QuestionForm({ action, categories, initial, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="stack-form" noValidate>
      {initial && <input type="hidden" name="questionId" value={initial.questionId} />}
      <FormMessage message={state.message} />
      <label htmlFor="title">Title</label>
      <input id="title" name="title" defaultValue={initial?.title} required minLength={limits.titleMin} maxLength={limits.titleMax} aria-describedby="title-hint title-error" autoComplete="off" />
      <p id="title-hint" className="hint">Be specific: “Why does TCP need a three-way handshake?”</p>
      <FieldError id="title-error" errors={errors.title} />
      {!initial && <SimilarQuestions titleInputId="title" />}
      <MarkdownEditor name="body" label="Details" defaultValue={initial?.body} minLength={limits.bodyMin} maxLength={limits.bodyMax} rows={12} errorId="body-error" required kind="post" />
      <FieldError id="body-error" errors={errors.body} />
      <label htmlFor="categoryId">Category</label>
      <select id="categoryId" name="categoryId" defaultValue={initial?.categoryId ?? ""} required aria-describedby="categoryId-error">
        <option value="" disabled>
          Choose a category
        </option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.emoji} {c.name}
          </option>
        ))}
      </select>
      <FieldError id="categoryId-error" errors={errors.categoryId} />
      <label htmlFor="tags">Tags</label>
      <input id="tags" name="tags" defaultValue={initial?.tags} placeholder="tcp, routing, ipv6" aria-describedby="tags-hint tags-error" autoComplete="off" />
      <p id="tags-hint" className="hint">Up to {limits.tagsMax}, separated by commas or spaces.</p>
      <FieldError id="tags-error" errors={errors.tags} />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
