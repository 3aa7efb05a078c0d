import { isAppError } from "../errors";

/** What a form shows after a server action: a message, and messages per field. */
export type FormState = { message?: string; errors?: Record<string, string[]>; ok?: boolean };

/** Known failures become form state; anything else (including Next's redirects) propagates. */
export function toFormState(e: unknown): FormState {
  if (isAppError(e)) return { message: e.message, errors: e.fieldErrors };
  throw e;
}

/** A same-site path to continue to after signing in: never another host. */
export function safeNextPath(value: unknown, fallback = "/"): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : fallback;
}
