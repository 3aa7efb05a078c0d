/** @jsxImportSource hono/jsx */
import { countText, type MarkdownKind } from "@/lib/enhance/preview";
import { limits } from "@/lib/rules";

type Props = {
  id: string;
  name: string;
  label: string;
  value?: string;
  minLength?: number;
  maxLength?: number;
  rows?: number;
  /** The element that shows this field's errors (FieldError), named in aria-describedby. */
  errorId?: string;
  invalid?: boolean;
  required?: boolean;
  kind?: MarkdownKind;
};

/**
 * The Markdown editor: a plain textarea, which posts with its form with or without JavaScript,
 * its hint and character counter, and the live preview, hidden until the page's script shows
 * and fills it from the server's own pipeline (lib/enhance/editor.ts), so it matches the stored
 * post exactly.
 */
export function MarkdownEditor({ id, name, label, value = "", minLength, maxLength = limits.bodyMax, rows = 10, errorId, invalid, required, kind = "post" }: Props) {
  const hintId = `${id}-hint`;
  return (
    <div class="editor">
      <div class="editor-write">
        <label for={id} class="editor-label">
          {label}
        </label>
        <textarea
          id={id}
          name={name}
          class="editor-textarea"
          rows={rows}
          minLength={minLength}
          maxLength={maxLength}
          required={required}
          aria-invalid={invalid ? "true" : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          spellcheck={true}
        >
          {/* A parser drops a textarea's first newline: this one, so the text's own stays. */}
          {`\n${value}`}
        </textarea>
        <div class="editor-meta">
          <p id={hintId} class="editor-hint">
            Markdown: **bold**, `code`, lists, tables, [links](https://…)
          </p>
          <span class={value.length > maxLength ? "editor-counter editor-counter-over" : "editor-counter"} data-count-of={id} data-over-class="editor-counter-over">
            {countText(value.length, maxLength)}
          </span>
        </div>
      </div>
      <section class="editor-preview" aria-label="Live preview" hidden data-preview-of={id} data-kind={kind}>
        <p class="editor-preview-title" aria-hidden="true">
          Preview
        </p>
        {/* A status region: a screen reader announces what changed in the preview (not all of it,
            aria-atomic false) after the reader pauses typing, without moving their focus. */}
        <div role="status" aria-live="polite" aria-atomic="false" aria-label="Preview" data-preview-output="" data-message-class="editor-preview-empty" data-body-class="prose editor-preview-body">
          <p class="editor-preview-empty">Nothing to preview yet.</p>
        </div>
      </section>
    </div>
  );
}
