import type { z } from "zod";
import { AppError } from "../errors";
import { unstorableField } from "./storable-text";

/** Parses input or throws a BAD_INPUT AppError carrying one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const unstorable = unstorableField(input);
  if (unstorable) throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", { [unstorable.field]: [unstorable.problem] });
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("BAD_INPUT", "Please correct the highlighted fields.", fieldErrors);
}

/** A FormData's text fields as a plain object (files and repeated keys are not used here). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !(k in out)) out[k] = v;
  return out;
}
