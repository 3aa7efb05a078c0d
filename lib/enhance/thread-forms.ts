/**
 * The thread's buttons and small forms (lib/thread-actions.ts) sent in place: after the question
 * a destructive one asks first, the button shows its pending label, the form goes to its route
 * asking for JSON, and then either the thread is shown again as the change left it
 * (refresh-thread.ts), or the form says the server's message (a flag's thanks), or why it was
 * refused, by the fields it names or by the button. Without this script the same forms post and
 * come back.
 */
import { showFormAlert } from "./form-alert";
import { showReady, showSending } from "./plain-forms";
import { refreshThread } from "./refresh-thread";

const NOT_SENT = "That did not go through. Try again.";

type Reply = { ok?: unknown; url?: unknown; message?: unknown; error?: unknown; fields?: Record<string, unknown> };

export function sendThreadForm(form: HTMLFormElement, e: SubmitEvent): void {
  e.preventDefault();
  if (form.dataset.sending !== undefined) return;
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  const button = (e.submitter as HTMLButtonElement | null) ?? form.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!button) return;
  showSending(form, button, button.dataset.pending ?? "Saving…");
  fetch(form.action, { method: "POST", body: new FormData(form), headers: { accept: "application/json" } })
    .then(async (res) => {
      const reply = (await res.json().catch(() => ({}))) as Reply;
      if (res.ok && reply.ok === true) return done(form, reply);
      showReady(form);
      showRefusal(form, typeof reply.error === "string" ? reply.error : NOT_SENT, reply.fields);
    })
    .catch(() => {
      showReady(form);
      showRefusal(form, NOT_SENT);
    });
}

function done(form: HTMLFormElement, reply: Reply): void {
  showReady(form);
  if (typeof reply.message === "string") {
    form.reset();
    showRefusal(form, undefined);
    const status = form.querySelector(".form-message");
    if (status) status.textContent = reply.message;
    return;
  }
  void refreshThread(typeof reply.url === "string" ? reply.url : location.href, form);
}

/** The reason by the fields it names (as FieldError writes it), or by the button; none clears them. */
function showRefusal(form: HTMLFormElement, error: string | undefined, fields: Record<string, unknown> = {}): void {
  for (const old of form.querySelectorAll(".field-error[data-sent]")) old.remove();
  let placed = false;
  for (const [name, messages] of Object.entries(fields)) {
    const field = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    const text = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === "string").join(" ") : "";
    if (!field || !text) continue;
    const message = document.createElement("p");
    message.className = "field-error";
    message.dataset.sent = "";
    message.setAttribute("role", "alert");
    message.textContent = text;
    const id = (field.getAttribute("aria-describedby") ?? "").split(" ").find((i) => i.endsWith("-error"));
    if (id) {
      document.getElementById(id)?.remove();
      message.id = id;
    }
    form.querySelector("button[type=submit]")?.before(message);
    if (!placed) field.focus();
    placed = true;
  }
  showFormAlert(form, placed ? undefined : error);
}
