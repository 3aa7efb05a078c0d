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

/** Shows the previews of the fields on the page (their text may come back from a refused post). */
export function startPreviews(root: ParentNode = document): void {
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
