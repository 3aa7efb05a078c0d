import assert from "node:assert/strict";

/** An `assert.rejects` matcher: the AppError's code and, optionally, its message. */
export const code = (c: string, message?: RegExp) => (e: unknown) => {
  assert.equal((e as { code?: string }).code, c, String(e));
  if (message) assert.match((e as Error).message, message);
  return true;
};
