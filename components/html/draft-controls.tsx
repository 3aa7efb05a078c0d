/** @jsxImportSource hono/jsx */

type Props = {
  /** The question whose answer box this is; null for the ask form. */
  questionId: number | null;
  /** Whether the form was rendered with a kept draft in it. */
  restored: boolean;
};

/**
 * Beside a form whose text is kept as a draft (the ask form, an answer box; the form carries
 * `data-draft-of`, lib/enhance/drafts.ts saves it): what became of the draft, and "Discard
 * draft". Without the script the button posts the form to /api/drafts, which drops the draft
 * and comes back; with it, the draft is dropped in place and the fields emptied.
 */
export function DraftControls({ questionId, restored }: Props) {
  return (
    <div class="draft-bar">
      <p class="draft-status" data-draft-status="" aria-live="polite">
        {restored ? "Your draft was restored." : ""}
      </p>
      <button type="submit" class="button-quiet draft-discard" formaction="/api/drafts" formnovalidate name="discardDraft" value={questionId === null ? "" : String(questionId)} data-draft-discard="" hidden={!restored}>
        Discard draft
      </button>
    </div>
  );
}

/** The attribute that marks a form's text as kept as a draft, for the place it is kept under. */
export const draftFormAttributes = (questionId: number | null) => ({ "data-draft-of": questionId === null ? "" : String(questionId) });
