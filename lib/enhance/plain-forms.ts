/**
 * What React's form components add to a plain form post: the question before a destructive
 * button (`data-confirm` on the form), the button's pending label (`data-pending` on it or on
 * the form) and one submit at a time. The post itself is the browser's own.
 */
export function beforeSubmit(form: HTMLFormElement, e: SubmitEvent): void {
  if (form.dataset.sending || (form.dataset.confirm && !window.confirm(form.dataset.confirm))) {
    e.preventDefault();
    return;
  }
  form.dataset.sending = "";
  const button = (e.submitter as HTMLButtonElement | null) ?? form.querySelector<HTMLButtonElement>("button[type=submit], button:not([type])");
  const pending = button?.dataset.pending ?? form.dataset.pending;
  if (!button || !pending) return;
  button.dataset.label = button.textContent ?? "";
  // After this task: a button disabled now would leave its own name and value out of the post.
  setTimeout(() => {
    button.textContent = pending;
    button.disabled = true;
    button.setAttribute("aria-disabled", "true");
  });
}

/** A page come back to from the history cache shows its forms ready again, not pending. */
export function resetSentForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-sending]")) {
    delete form.dataset.sending;
    for (const button of form.querySelectorAll<HTMLButtonElement>("button[data-label]")) {
      button.textContent = button.dataset.label ?? "";
      button.disabled = false;
      button.removeAttribute("aria-disabled");
      delete button.dataset.label;
    }
  }
}
