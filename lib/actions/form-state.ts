import { isAppError } from "../errors";

/** What a form shows after a server action: a message, and messages per field. */
export type FormState = { message?: string; errors?: Record<string, string[]>; ok?: boolean; values?: Record<string, string> };

/**
 * Known failures become form state; anything else (including Next's redirects) propagates.
 * `values` go back to the form: a page rendered after a refused post (a form posted without
 * React) shows the text again rather than an empty field.
 */
export function toFormState(e: unknown, values?: Record<string, string | undefined>): FormState {
  if (!isAppError(e)) throw e;
  const kept = values && Object.fromEntries(Object.entries(values).filter((v): v is [string, string] => typeof v[1] === "string"));
  return { message: e.message, errors: e.fieldErrors, ...(kept ? { values: kept } : {}) };
}

/** A same-site path to continue to after signing in: never another host. */
export function safeNextPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : fallback;
}
