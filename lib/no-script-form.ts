import "server-only";
import { getCurrentUser, type CurrentUser } from "./auth/current-user";
import { httpStatusOf, isAppError } from "./errors";
import { escapeHtml } from "./html-escape";
import { fromThisSite } from "./request";
import { formFields } from "./validation/parse";

// Only a thread page may be gone back to (never another site).
const THREAD_PATH = /^\/questions\/\d{1,9}\/[a-z0-9-]{0,120}$/;

type Outcome = {
  refused: string;
  /** A field whose text the refusal page gives back in a form that sends it again (an answer's body). */
  keep?: { field: string; label: string; button: string; action: string };
  anchor?: (fields: Record<string, string>, result: unknown) => string;
  /** What a script that asks for JSON (Accept: application/json) gets instead of the way back. */
  json?: (result: unknown) => unknown;
};

/** What a refused post's text goes back in: nothing typed is lost. */
function keptForm(keep: NonNullable<Outcome["keep"]>, text: string, back: string): string {
  return (
    `<form method="post" action="${escapeHtml(keep.action)}"><input type="hidden" name="back" value="${escapeHtml(back)}">` +
    `<p><label for="kept">${escapeHtml(keep.label)}</label></p><p><textarea id="kept" name="${escapeHtml(keep.field)}" rows="12" cols="80">${escapeHtml(text)}</textarea></p>` +
    `<p><button type="submit">${escapeHtml(keep.button)}</button></p></form>`
  );
}

/** A refusal for a browser without JavaScript: the reason, what was typed, and the way back. */
function refusal(status: number, heading: string, message: string, back: string, retryAfterSeconds?: number, kept = ""): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)}</title></head><body><main><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p>${kept}<p><a href="${escapeHtml(back)}">Back to the question</a></p></main></body></html>`;
  const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return new Response(html, { status, headers });
}

function jsonRefusal(status: number, error: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return Response.json({ error, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) }, { status, headers });
}

/**
 * A thread page's plain form post (on a hydrated page the same button calls the server action
 * in place): refuses cross-site posts, runs `command` as the signed-in
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
  const json = outcome.json && /\bapplication\/json\b/.test(request.headers.get("accept") ?? "") ? outcome.json : null;
  const kept = (fields?: Record<string, string>) => (outcome.keep && fields?.[outcome.keep.field] ? keptForm(outcome.keep, fields[outcome.keep.field]!, back) : "");
  const refuse = (status: number, message: string, retryAfterSeconds?: number, fields?: Record<string, string>) =>
    json ? jsonRefusal(status, message, retryAfterSeconds) : refusal(status, outcome.refused, message, back, retryAfterSeconds, kept(fields));
  if (!form) return refuse(400, "That request is not valid: it needs a form.");
  if (!fromThisSite(request)) return refuse(403, "Cross-site requests are refused.");
  const fields = formFields(form);
  let result: unknown;
  try {
    result = await command(await getCurrentUser(), fields);
  } catch (e) {
    // A page of its own highlights no field: the fields' own messages say what to fix.
    if (isAppError(e)) return refuse(httpStatusOf[e.code], Object.values(e.fieldErrors).flat().join(" ") || e.message, e.retryAfterSeconds, fields);
    throw e;
  }
  if (json) return Response.json(json(result), { headers: { "Cache-Control": "no-store" } });
  const anchor = outcome.anchor?.(fields, result) ?? "";
  return new Response(null, { status: 303, headers: { Location: `${back}${anchor}`, "Cache-Control": "no-store" } });
}
