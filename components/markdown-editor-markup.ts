import "server-only";
import { escapeHtml as esc } from "@/lib/html-escape";
import { countText, type MarkdownKind } from "@/lib/enhance/preview";
import { limits } from "@/lib/rules";
import styles from "./markdown-editor.module.css";

type EditorMarkup = { id: string; name: string; label: string; minLength?: number; maxLength?: number; rows?: number; errorId?: string; required?: boolean; kind?: MarkdownKind };

/**
 * markdown-editor.tsx as it renders before hydration, empty, as a string for pages written
 * outside React (components/member-thread-markup.ts): the textarea, the hint and counter, and
 * the hidden preview that lib/enhance/editor.ts shows and fills. The id is the caller's, not
 * React's useId, so it is the same on every render.
 */
export function markdownEditorHtml({ id, name, label, minLength, maxLength = limits.bodyMax, rows = 10, errorId, required, kind = "post" }: EditorMarkup): string {
  const hintId = `${id}-hint`;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");
  const min = minLength !== undefined ? ` minLength="${minLength}"` : "";
  return (
    `<div class="${styles.editor}"><div class="${styles.write}"><label for="${esc(id)}" class="${styles.label}">${esc(label)}</label>` +
    `<textarea id="${esc(id)}" name="${esc(name)}" class="${styles.textarea}" rows="${rows}"${min} maxLength="${maxLength}"${required ? ` required=""` : ""} aria-describedby="${esc(describedBy)}" spellCheck="true"></textarea>` +
    `<div class="${styles.meta}"><p id="${esc(hintId)}" class="${styles.hint}">Markdown: **bold**, \`code\`, lists, tables, [links](https://…)</p>` +
    `<span class="${styles.counter}" data-count-of="${esc(id)}" data-over-class="${styles.counterOver}">${esc(countText(0, maxLength))}</span></div></div>` +
    `<section class="${styles.preview}" aria-label="Live preview" hidden="" data-preview-of="${esc(id)}" data-kind="${kind}"><p class="${styles.previewTitle}" aria-hidden="true">Preview</p>` +
    `<div aria-live="polite" aria-label="Preview" data-preview-output="" data-message-class="${styles.previewEmpty}" data-body-class="prose ${styles.previewBody}"><p class="${styles.previewEmpty}">Nothing to preview yet.</p></div></section></div>`
  );
}
