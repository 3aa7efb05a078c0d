import { limits } from "../rules";
import { unstorableTextProblem } from "../validation/storable-text";
import { ApiProblem } from "./problem";

/** A path's numeric id: anything but a positive 32-bit integer is a bad request, not a 404. */
export function pathId(value: string, what: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2 ** 31 - 1) {
    throw new ApiProblem(400, `The ${what} id must be a positive whole number.`, { errors: [{ field: "id", detail: "Use digits only, e.g. 42." }] });
  }
  return Number(value);
}

/** A path's text segment (a username, a tag): refused when it holds what no name can. */
export function pathText(value: string, field: string): string {
  const decoded = safeDecode(value);
  const problem = decoded === null ? "Not valid percent-encoding." : unstorableTextProblem(decoded);
  if (problem || decoded === null) throw new ApiProblem(400, `The ${field} in the address is not valid.`, { errors: [{ field, detail: problem ?? "" }] });
  return decoded;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A query parameter, refused if repeated or holding text no query can (a NUL). */
export function queryParam(url: URL, name: string, max = 200): string | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return undefined;
  const bad = (detail: string) => new ApiProblem(400, `The query parameter "${name}" is not valid.`, { errors: [{ field: name, detail }] });
  if (values.length > 1) throw bad("Give it once.");
  const value = values[0]!;
  const problem = unstorableTextProblem(value);
  if (problem) throw bad(problem);
  if (value.length > max) throw bad(`Use at most ${max} characters.`);
  return value;
}

/** One of a few listed values, or the default when absent. */
export function queryChoice<T extends string>(url: URL, name: string, choices: readonly T[], fallback: T): T;
export function queryChoice<T extends string>(url: URL, name: string, choices: readonly T[]): T | undefined;
export function queryChoice<T extends string>(url: URL, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const value = queryParam(url, name);
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new ApiProblem(400, `The query parameter "${name}" is not valid.`, { errors: [{ field: name, detail: `Use one of: ${choices.join(", ")}.` }] });
  }
  return value as T;
}

// JSON escaping can grow each character to six ("\uXXXX"), and a question has a title and tags
// beside its body.
export const MAX_JSON_CHARS = limits.bodyMax * 6 + 4_000;

/** The request's JSON object: 415 unless sent as JSON, 413 when too large, 400 unless an object. */
export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiProblem(415, 'Send the body as JSON, with "Content-Type: application/json".');
  }
  const text = await request.text();
  if (text.length > MAX_JSON_CHARS) throw new ApiProblem(413, `The body is too large: a post holds up to ${limits.bodyMax.toLocaleString("en-US")} characters.`);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "The body is not valid JSON.");
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw new ApiProblem(400, "Send a JSON object.");
  return input as Record<string, unknown>;
}

/** A string field, or an error naming it (the commands' schemas then check its content). */
export function stringField(input: Record<string, unknown>, field: string, required = true): string | undefined {
  const value = input[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string") throw new ApiProblem(400, "Please correct the highlighted fields.", { errors: [{ field, detail: required && value === undefined ? "This field is required." : "Send text (a JSON string)." }] });
  return value;
}
