/** @jsxImportSource hono/jsx */
/**
 * The small parts every form of the HTML components shares: the field's messages tied to it
 * by id, the form-wide message, hidden fields, and the submit button whose pending label the
 * page's script shows (lib/enhance/plain-forms.ts).
 */
import type { Child } from "hono/jsx";

/** The messages for one form field, tied to it by id (aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} class="field-error" role="alert">
      {errors.join(" ")}
    </p>
  );
}

/** The form-wide message, announced when it changes; empty (and hidden) until there is one. */
export function FormMessage({ message, ok = false }: { message?: string; ok?: boolean }) {
  return (
    <p class={ok ? "form-message form-message-ok" : "form-message"} aria-live="polite" role="status">
      {message ?? ""}
    </p>
  );
}

export function HiddenFields({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={String(value)} />
      ))}
    </>
  );
}

export function SubmitButton({ children, pending = "Saving…", class: className }: { children: Child; pending?: string; class?: string }) {
  return (
    <button type="submit" class={className} data-pending={pending}>
      {children}
    </button>
  );
}
