/**
 * Text that PostgreSQL cannot store as sent, refused before anything else looks at it: a NUL
 * character (the database refuses the whole statement), or half of a UTF-16 surrogate pair
 * (it would be stored as U+FFFD, so the text would not come back as written). No
 * "server-only": the front door checks addresses with it too.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unstorableTextProblem(value: string): string | null {
  if (value.includes("\0")) return "Remove the NUL character (\\0): text cannot hold it.";
  if (LONE_SURROGATE.test(value)) return "Retype this text: it holds a broken character (half of a UTF-16 pair).";
  return null;
}

/** The first field of `input` (a string, or an object's own string fields) holding such text. */
export function unstorableField(input: unknown): { field: string; problem: string } | null {
  if (typeof input === "string") {
    const problem = unstorableTextProblem(input);
    return problem ? { field: "form", problem } : null;
  }
  if (typeof input !== "object" || input === null) return null;
  for (const [field, value] of Object.entries(input)) {
    if (typeof value !== "string") continue;
    const problem = unstorableTextProblem(value);
    if (problem) return { field, problem };
  }
  return null;
}
