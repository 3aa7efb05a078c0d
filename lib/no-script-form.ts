import "server-only";
import { getCurrentUser, type CurrentUser } from "./auth/current-user";
import { httpStatusOf, isAppError } from "./errors";
import { escapeHtml } from "./html-escape";
import { fromThisSite } from "./request";
import { formFields } from "./validation/parse";

// Only a thread page may be gone back to (never another site).
const THREAD_PATH = /^\/questions\/\d{1,9}\/[a-z0-9-]{0,120}$/;

type Outcome = { refused: string; anchor?: (fields: Record<string, string>, result: unknown) => string };

/** A refusal for a browser without JavaScript: the reason, and the way back. */
function refusal(status: number, heading: string, message: string, back: string, retryAfterSeconds?: number): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)}</title></head><body><main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">Back to the question</a></p></main></body></html>`;
  const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return new Response(html, { status, headers });
}

/**
 * A thread page's plain form post, for a browser without JavaScript (with it, the same button
 * calls the server action in place): refuses cross-site posts, runs `command` as the signed-in
 * member (who is checked again there), and goes back to the thread, or shows why it was refused.
 * These forms let posts be written as plain HTML (components/member-post-markup.ts) rather than
 * carry a server-action form each.
 */
export async function handleThreadFormPost(
  request: Request,
  outcome: Outcome,
  command: (user: CurrentUser | null, fields: Record<string, string>) => Promise<unknown>,
): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const backField = form?.get("back");
  const back = typeof backField === "string" && THREAD_PATH.test(backField) ? backField : "/";
  if (!form) return refusal(400, outcome.refused, "That request is not valid: it needs a form.", back);
  if (!fromThisSite(request)) return refusal(403, outcome.refused, "Cross-site requests are refused.", back);
  const fields = formFields(form);
  let result: unknown;
  try {
    result = await command(await getCurrentUser(), fields);
  } catch (e) {
    if (isAppError(e)) return refusal(httpStatusOf[e.code], outcome.refused, e.message, back, e.retryAfterSeconds);
    throw e;
  }
  const anchor = outcome.anchor?.(fields, result) ?? "";
  return new Response(null, { status: 303, headers: { Location: `${back}${anchor}`, "Cache-Control": "no-store" } });
}
