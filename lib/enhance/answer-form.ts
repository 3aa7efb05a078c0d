/**
 * The thread's answer form (components/html/thread/thread-parts.tsx), sent in place as JSON to
 * the route its form posts to: a refusal shows its reason by the form with the text left where
 * it was; a posted answer shows the thread again at it, in place. Without this script the same
 * form posts and the route answers with the way back, or the reason and the form, filled in.
 */
import { showReady, showSending } from "./plain-forms";
import { refreshThread } from "./refresh-thread";

const NOT_SENT = "Your answer could not be sent. Try again.";

type Reply = { url?: unknown; error?: unknown; fields?: { body?: unknown } };

export function postAnswerInPlace(form: HTMLFormElement, e: SubmitEvent): void {
  e.preventDefault();
  if (form.dataset.sending !== undefined) return;
  const field = form.querySelector<HTMLTextAreaElement>("textarea[name=body]");
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!field || !button) return;
  showSending(form, button, button.dataset.pending ?? "Posting…");
  const done = (reply: Reply) => {
    showReady(form);
    showRefusal(form, field, reply);
  };
  fetch(form.action, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify({ body: field.value }) })
    .then(async (res) => {
      const reply = (await res.json().catch(() => ({}))) as Reply;
      if (res.ok && typeof reply.url === "string") return refreshThread(reply.url, form);
      done(typeof reply.error === "string" ? reply : { error: NOT_SENT });
    })
    .catch(() => done({ error: NOT_SENT }));
}

/** The form-wide message, and the field's own (tied to it by aria-describedby), as FieldError writes it. */
function showRefusal(form: HTMLFormElement, field: HTMLTextAreaElement, { error, fields }: Reply): void {
  const fieldErrors = Array.isArray(fields?.body) ? fields.body.filter((m): m is string => typeof m === "string") : [];
  const status = form.querySelector(".form-message");
  if (status) status.textContent = typeof error === "string" ? error : "";
  const errorId = (field.getAttribute("aria-describedby") ?? "").split(" ").find((id) => id.endsWith("-error"));
  if (!errorId) return;
  document.getElementById(errorId)?.remove();
  if (fieldErrors.length === 0) return;
  const message = document.createElement("p");
  message.id = errorId;
  message.className = "field-error";
  message.setAttribute("role", "alert");
  message.textContent = fieldErrors.join(" ");
  form.querySelector("button[type=submit]")?.before(message);
  field.focus();
}
