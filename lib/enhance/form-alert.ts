/**
 * Why a form sent in place was refused, after its button as React's forms write it
 * (`<span class="inline-error" role="alert">`), replacing the last one; no message clears it.
 * Shared by the plain page's script and the hydrated page's prebuilt-post controls.
 */
export function showFormAlert(form: HTMLFormElement, message?: string): void {
  form.querySelector("[role=alert]")?.remove();
  if (!message) return;
  const alert = document.createElement("span");
  alert.className = "inline-error";
  alert.setAttribute("role", "alert");
  alert.textContent = ` ${message}`;
  form.append(alert);
}
