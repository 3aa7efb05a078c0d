/** The messages for one form field, tied to it by id (aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {errors.join(" ")}
    </p>
  );
}

/** The form-wide message, announced when it changes. */
export function FormMessage({ message }: { message?: string }) {
  return (
    <p className="form-message" aria-live="polite" role="status">
      {message ?? ""}
    </p>
  );
}
