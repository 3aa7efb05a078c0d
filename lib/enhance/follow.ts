/**
 * Follow on a member's thread page written as a string (components/member-thread-markup.ts),
 * toggled in place as follow-button.tsx does: the form asks /api/follow for JSON and shows the
 * state it answers, or why it refused. Without this script the form posts and comes back.
 */
import { showFormAlert } from "./form-alert";

const NOT_SENT = "That did not go through. Try again.";

export function followInPlace(form: HTMLFormElement, e: SubmitEvent): void {
  e.preventDefault();
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
  if (!button || button.disabled) return;
  button.disabled = true;
  const show = (following: boolean | null, message?: string) => {
    button.disabled = false;
    if (following !== null) {
      button.textContent = following ? "Following" : "Follow";
      button.setAttribute("aria-pressed", String(following));
      // The state the next press asks for, as the rendered form would carry it.
      form.querySelector<HTMLInputElement>("input[name=follow]")!.value = following ? "0" : "1";
    }
    showFormAlert(form, message);
  };
  fetch(form.action, { method: "POST", body: new FormData(form), headers: { accept: "application/json" } })
    .then(async (res) => {
      const reply = (await res.json().catch(() => ({}))) as { following?: unknown; error?: unknown };
      if (res.ok && typeof reply.following === "boolean") return show(reply.following);
      show(null, typeof reply.error === "string" ? reply.error : NOT_SENT);
    })
    .catch(() => show(null, NOT_SENT));
}
