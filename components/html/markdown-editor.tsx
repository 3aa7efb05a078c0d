/** @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import { TOOLBAR } from "@/lib/enhance/format-text";
import { countText, type MarkdownKind } from "@/lib/enhance/preview";
import { limits } from "@/lib/rules";
import { ImageUploadControl } from "./image-upload";

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
 * its hint and character counter, the formatting toolbar and the live preview, both hidden
 * until the page's script shows them (lib/enhance/editor.ts); the preview is filled from the
 * server's own pipeline, so it matches the stored post exactly.
 */
export function MarkdownEditor({ id, name, label, value = "", minLength, maxLength = limits.bodyMax, rows = 10, errorId, invalid, required, kind = "post" }: Props) {
  const hintId = `${id}-hint`;
  return (
    <div class="editor">
      <div class="editor-write">
        <label for={id} class="editor-label">
          {label}
        </label>
        {raw(toolbarHtml(id))}
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
          {kind === "post" && <ImageUploadControl fieldId={id} />}
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

/**
 * The formatting buttons (lib/enhance/format-text.ts lists them), each in the tab order with
 * its name and shortcut; the same shortcuts work in the field. Ctrl, or Cmd on a Mac: the
 * server cannot tell which, so aria-keyshortcuts names both.
 */
function EditorToolbar({ fieldId }: { fieldId: string }) {
  return (
    <div class="editor-toolbar" role="group" aria-label="Formatting" data-toolbar-for={fieldId} hidden>
      {TOOLBAR.map(({ name, label, text, shortcut }) => (
        <button
          type="button"
          class={`editor-tool editor-tool-${name}`}
          data-format={name}
          aria-label={label}
          aria-keyshortcuts={shortcut ? `Control+${shortcut.keys} Meta+${shortcut.keys}` : undefined}
          title={shortcut ? `${label} (Ctrl+${shortcut.keys})` : label}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

// The same few fields on every page (answer-body, body): each toolbar is written once, not on
// every member's thread request.
const toolbars = new Map<string, string>();
function toolbarHtml(fieldId: string): string {
  let html = toolbars.get(fieldId);
  if (html === undefined) {
    html = String(<EditorToolbar fieldId={fieldId} />);
    if (toolbars.size < 100) toolbars.set(fieldId, html);
  }
  return html;
}
