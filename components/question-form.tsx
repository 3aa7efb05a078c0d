"use client";
import { useActionState } from "react";
import { DraftControls, draftFormAttributes } from "@/components/html/draft-controls";
import { EditSummaryField } from "@/components/edit-summary-field";
import { HtmlIsland } from "@/components/html-island";
import { FieldError, FormMessage } from "@/components/field-error";
import { MarkdownField } from "@/components/markdown-field";
import { SimilarQuestions } from "@/components/similar-questions";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { limits } from "@/lib/rules";

type Values = { title: string; body: string; categoryId: string; tags: string; summary?: string };
type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  categories: readonly { id: number; name: string; emoji: string }[];
  initial?: Values & { questionId: number };
  /** The asker's kept draft (lib/data/drafts.ts), for the ask form: it keeps what they type as one. */
  draft?: { title: string; tags: string; body: string } | null;
  submitLabel: string;
};

/**
 * Asking and editing a question: title, Markdown body with live preview, category, tags. A
 * refused post comes back with every field as it was sent (React resets a form after its
 * action: the fields are rendered again from what the action returns).
 */
export function QuestionForm({ action, categories, initial, draft, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errors = state.errors ?? {};
  const values: Partial<Values> = state.values ?? initial ?? draft ?? {};
  // Asking (not editing) keeps the form as the member's draft (lib/enhance/drafts.ts).
  const drafting = !initial;
  // A new key after each answer, so the uncontrolled fields take the values sent back.
  const round = JSON.stringify(state.values ?? null);
  return (
    <form action={formAction} className="stack-form" noValidate key={round} {...(drafting ? draftFormAttributes(null) : {})}>
      {initial && <input type="hidden" name="questionId" value={initial.questionId} />}
      <FormMessage message={state.message} />
      <label htmlFor="title">Title</label>
      <input id="title" name="title" defaultValue={values.title} required minLength={limits.titleMin} maxLength={limits.titleMax} aria-describedby="title-hint title-error" aria-invalid={errors.title ? true : undefined} autoComplete="off" />
      <p id="title-hint" className="hint">Be specific: “Why does TCP need a three-way handshake?”</p>
      <FieldError id="title-error" errors={errors.title} />
      {!initial && <SimilarQuestions titleInputId="title" />}
      <MarkdownField id="body" name="body" label="Details" value={values.body} minLength={limits.bodyMin} maxLength={limits.bodyMax} rows={12} errorId="body-error" invalid={!!errors.body} required kind="post" />
      <FieldError id="body-error" errors={errors.body} />
      {drafting && <HtmlIsland html={String(DraftControls({ questionId: null, restored: !state.values && !!draft }))} />}
      <label htmlFor="categoryId">Category</label>
      <select id="categoryId" name="categoryId" defaultValue={values.categoryId ?? ""} required aria-describedby="categoryId-error" aria-invalid={errors.categoryId ? true : undefined}>
        <option value="" disabled>
          Choose a category
        </option>
        {categories.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.emoji} {c.name}
          </option>
        ))}
      </select>
      <FieldError id="categoryId-error" errors={errors.categoryId} />
      <label htmlFor="tags">Tags</label>
      <input id="tags" name="tags" defaultValue={values.tags} placeholder="tcp, routing, ipv6" aria-describedby="tags-hint tags-error" aria-invalid={errors.tags ? true : undefined} autoComplete="off" />
      <p id="tags-hint" className="hint">Up to {limits.tagsMax}, separated by commas or spaces.</p>
      <FieldError id="tags-error" errors={errors.tags} />
      {initial && <EditSummaryField value={values.summary} errors={errors.summary} />}
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
