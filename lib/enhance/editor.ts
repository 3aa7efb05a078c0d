import { TOOLBAR, type Edit, type ToolbarButton } from "./format-text";
import { countText, fetchPreview, PREVIEW_DELAY_MS, PREVIEW_UNAVAILABLE, type MarkdownKind, type Preview } from "./preview";

/**
 * MarkdownEditor's live parts on a plain page (components/markdown-editor.tsx renders them
 * hidden or static without React): the character counters (`data-count-of` names the field)
 * and the preview (`data-preview-of`), both for fields present now or added later.
 */
export function onFieldInput(e: Event): void {
  const field = e.target;
  if (!(field instanceof HTMLTextAreaElement) || !field.id) return;
  updateCounters(field);
  const preview = document.querySelector<HTMLElement>(`[data-preview-of="${CSS.escape(field.id)}"]`);
  if (preview) schedulePreview(field, preview);
}

/** Shows the toolbars and previews of the fields on the page (their text may come back from a refused post). */
export function startPreviews(root: ParentNode = document): void {
  for (const toolbar of root.querySelectorAll<HTMLElement>("[data-toolbar-for]")) toolbar.hidden = false;
  for (const preview of root.querySelectorAll<HTMLElement>("[data-preview-of]")) {
    const field = document.getElementById(preview.dataset.previewOf!);
    if (!(field instanceof HTMLTextAreaElement)) continue;
    preview.hidden = false;
    if (field.value.trim()) schedulePreview(field, preview);
  }
}

function updateCounters(field: HTMLTextAreaElement): void {
  for (const counter of document.querySelectorAll<HTMLElement>(`[data-count-of="${CSS.escape(field.id)}"]`)) {
    const max = field.maxLength > 0 ? field.maxLength : Infinity;
    counter.textContent = countText(field.value.length, max);
    if (counter.dataset.overClass) counter.classList.toggle(counter.dataset.overClass, field.value.length > max);
  }
}

const pending = new WeakMap<HTMLElement, { timer: ReturnType<typeof setTimeout>; controller: AbortController }>();

function schedulePreview(field: HTMLTextAreaElement, preview: HTMLElement): void {
  const output = preview.querySelector<HTMLElement>("[data-preview-output]");
  if (!output) return;
  // A newer keystroke cancels the older request, so an older answer never overwrites a newer one.
  const before = pending.get(preview);
  if (before) {
    clearTimeout(before.timer);
    before.controller.abort();
  }
  const markdown = field.value;
  if (!markdown.trim()) return show(output, { message: "Nothing to preview yet." });
  const controller = new AbortController();
  const kind: MarkdownKind = preview.dataset.kind === "comment" ? "comment" : "post";
  const timer = setTimeout(() => {
    fetchPreview(markdown, kind, controller.signal).then(
      (result) => controller.signal.aborted || show(output, result),
      () => controller.signal.aborted || show(output, { error: PREVIEW_UNAVAILABLE }),
    );
  }, PREVIEW_DELAY_MS);
  pending.set(preview, { timer, controller });
}

function show(output: HTMLElement, what: Preview | { message: string }): void {
  if ("html" in what) {
    const body = document.createElement("div");
    body.className = output.dataset.bodyClass ?? "prose";
    // Sanitized by lib/markdown on the server, the same pipeline used when storing.
    body.innerHTML = what.html;
    return output.replaceChildren(body);
  }
  const message = document.createElement("p");
  message.className = output.dataset.messageClass ?? "";
  message.textContent = "error" in what ? what.error : what.message;
  output.replaceChildren(message);
}

/**
 * Another control of a button, beside rewriting the text (e.g. one that opens a file picker):
 * registered by name, as listed in TOOLBAR.
 */
export const toolbarHandlers: Record<string, (field: HTMLTextAreaElement) => void> = {};

/** A toolbar button clicked (or pressed by keyboard: a button's click). */
export function onToolbarClick(e: Event): void {
  const button = (e.target as Element).closest?.<HTMLButtonElement>("[data-toolbar-for] [data-format]");
  const field = button && document.getElementById(button.closest<HTMLElement>("[data-toolbar-for]")!.dataset.toolbarFor!);
  const item = button && TOOLBAR.find((b) => b.name === button.dataset.format);
  if (!(field instanceof HTMLTextAreaElement) || !item) return;
  runButton(item, field);
}

/** The toolbar's shortcuts, typed in a field that has a toolbar. */
export function onEditorKeydown(e: KeyboardEvent): void {
  const field = e.target;
  if (!(field instanceof HTMLTextAreaElement) || !(e.ctrlKey || e.metaKey) || e.altKey) return;
  const item = TOOLBAR.find((b) => b.shortcut?.code === e.code && !!b.shortcut.shift === e.shiftKey);
  if (!item || !document.querySelector(`[data-toolbar-for="${CSS.escape(field.id)}"]`)) return;
  e.preventDefault();
  runButton(item, field);
}

function runButton(item: ToolbarButton, field: HTMLTextAreaElement): void {
  const handler = toolbarHandlers[item.name];
  if (handler) return handler(field);
  if (item.format) applyEdit(field, item.format(field.value, field.selectionStart, field.selectionEnd));
}

/** Puts an edit into the field as typing would: undoable where the browser allows, announced as input. */
export function applyEdit(field: HTMLTextAreaElement, edit: Edit): void {
  field.focus();
  field.setSelectionRange(edit.from, edit.to);
  // execCommand keeps the browser's undo history; where it is gone, setRangeText does the same edit.
  if (!document.execCommand?.("insertText", false, edit.insert)) {
    field.setRangeText(edit.insert, edit.from, edit.to, "end");
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
  field.setSelectionRange(edit.selectFrom, edit.selectTo);
}
