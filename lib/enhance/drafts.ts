/**
 * Keeps what a member types into a form marked `data-draft-of` (the ask form, an answer box:
 * components/html/draft-controls.tsx) as their draft on the server (/api/drafts): a few seconds
 * after they stop typing, only when it changed since the last save, and when they leave the
 * page. The server renders a kept draft into the form, so coming back needs nothing from here.
 * Posting the form clears it on the server; "Discard draft" clears it and the fields.
 */
const SAVE_DELAY_MS = 2_500;
const FIELDS = ["title", "tags", "body"] as const;

type Kept = { saved: string; timer?: ReturnType<typeof setTimeout> };
const kept = new WeakMap<HTMLFormElement, Kept>();

const draftForm = (target: EventTarget | null) => {
  const form = target instanceof Element ? target.closest("form") : null;
  return form?.dataset.draftOf !== undefined ? form : null;
};

/** The draft as sent: the form's fields now, or as the server rendered them (`rendered`). */
function snapshot(form: HTMLFormElement, rendered = false): string {
  const draft: Record<string, string | number | null> = { questionId: Number(form.dataset.draftOf) || null };
  for (const name of FIELDS) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) draft[name] = rendered ? field.defaultValue : field.value;
  }
  return JSON.stringify(draft);
}

// What the server holds is what it rendered, until a save says otherwise.
function keptFor(form: HTMLFormElement): Kept {
  let k = kept.get(form);
  if (!k) kept.set(form, (k = { saved: snapshot(form, true) }));
  return k;
}

function save(form: HTMLFormElement, leaving = false): void {
  const k = keptFor(form);
  clearTimeout(k.timer);
  const draft = snapshot(form);
  if (draft === k.saved) return;
  k.saved = draft;
  fetch("/api/drafts", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: draft, keepalive: leaving, credentials: "same-origin" }).then(
    async (res) => {
      const { saved } = (await res.json().catch(() => ({}))) as { saved?: boolean };
      if (!res.ok) return showStatus(form, "Your draft could not be saved.", null);
      if (kept.get(form)?.saved === draft) showStatus(form, saved ? "Draft saved." : "Draft discarded.", !!saved);
    },
    () => showStatus(form, "Your draft could not be saved.", null),
  );
}

function showStatus(form: HTMLFormElement, text: string, discardable: boolean | null): void {
  const status = form.querySelector<HTMLElement>("[data-draft-status]");
  if (status) status.textContent = text;
  const discard = form.querySelector<HTMLButtonElement>("[data-draft-discard]");
  if (discard && discardable !== null) discard.hidden = !discardable;
}

function onInput(e: Event): void {
  const form = draftForm(e.target);
  if (!form) return;
  const k = keptFor(form);
  clearTimeout(k.timer);
  k.timer = setTimeout(() => save(form), SAVE_DELAY_MS);
}

// Posted: the server drops the draft with the post, so nothing is left to save.
function onSubmit(e: Event): void {
  const form = draftForm(e.target);
  if (!form) return;
  const k = keptFor(form);
  clearTimeout(k.timer);
  k.saved = snapshot(form);
}

function onClick(e: Event): void {
  const button = (e.target as Element).closest?.<HTMLButtonElement>("[data-draft-discard]");
  const form = button && draftForm(button);
  if (!form) return;
  e.preventDefault();
  for (const name of FIELDS) {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
      field.value = "";
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
  save(form);
  form.querySelector<HTMLTextAreaElement>("textarea")?.focus();
}

function onLeave(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-draft-of]")) if (kept.has(form)) save(form, true);
}

let started = false;

/** Listens once for the whole document, so forms put in later need nothing wired. */
export function startDrafts(): void {
  if (started) return;
  started = true;
  document.addEventListener("input", onInput);
  document.addEventListener("submit", onSubmit, true);
  document.addEventListener("click", onClick);
  window.addEventListener("pagehide", onLeave);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && onLeave());
}
