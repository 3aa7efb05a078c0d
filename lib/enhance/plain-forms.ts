/**
 * What React's form components add to a plain form post: the question before a destructive
 * button (`data-confirm` on the form), the button's pending label (`data-pending` on it or on
 * the form) and one submit at a time. The post itself is the browser's own.
 */
export function beforeSubmit(form: HTMLFormElement, e: SubmitEvent): void {
  // The flag is an empty attribute: present, not truthy, is what says a post is on its way.
  if (form.dataset.sending !== undefined || (form.dataset.confirm && !window.confirm(form.dataset.confirm))) {
    e.preventDefault();
    return;
  }
  const button = (e.submitter as HTMLButtonElement | null) ?? form.querySelector<HTMLButtonElement>("button[type=submit], button:not([type])");
  const pending = button?.dataset.pending ?? form.dataset.pending;
  if (!button || !pending) {
    form.dataset.sending = "";
    return;
  }
  // After this task: a button disabled now would leave its own name and value out of the post.
  showSending(form, button, pending, { later: true });
}

/**
 * The form marked as sending and its button showing `pending`, disabled (`later`: after this
 * task, when the browser's own post still has to read the button); showReady undoes it.
 */
export function showSending(form: HTMLFormElement, button: HTMLButtonElement, pending: string, { later = false } = {}): void {
  form.dataset.sending = "";
  button.dataset.label = button.textContent ?? "";
  const show = () => {
    button.textContent = pending;
    button.disabled = true;
    button.setAttribute("aria-disabled", "true");
  };
  if (later) setTimeout(show);
  else show();
}

/** The form ready again: no longer sending, its button's own label back. */
export function showReady(form: HTMLFormElement): void {
  delete form.dataset.sending;
  for (const button of form.querySelectorAll<HTMLButtonElement>("button[data-label]")) {
    button.textContent = button.dataset.label ?? "";
    button.disabled = false;
    button.removeAttribute("aria-disabled");
    delete button.dataset.label;
  }
}

/** A page come back to from the history cache shows its forms ready again, not pending. */
export function resetSentForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-sending]")) showReady(form);
}
