import { guardWrite } from "@/lib/actions/write-guard";
import { getCurrentUser } from "@/lib/auth/current-user";
import { castVote } from "@/lib/commands/vote";
import { httpStatusOf, isAppError } from "@/lib/errors";
import { fromThisSite } from "@/lib/request";
import { formFields } from "@/lib/validation/parse";

export const dynamic = "force-dynamic";

// Only a thread page may be gone back to (never another site).
const THREAD_PATH = /^\/questions\/\d{1,9}\/[a-z0-9-]{0,120}$/;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A refusal for a browser without JavaScript: the reason, and the way back. */
function refusal(status: number, message: string, back: string, retryAfterSeconds?: number): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vote not counted</title></head><body><main><h1>Your vote was not counted</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">Back to the question</a></p></main></body></html>`;
  const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return new Response(html, { status, headers });
}

/**
 * The vote buttons' form without JavaScript (with it, they call voteAction in place): casts the
 * vote and goes back to the post, whose page then shows the new score. A plain form post, so the
 * thread page need not carry a server-action form per post (lib/actions/vote.ts does the same
 * work for the JavaScript path).
 */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const backField = form?.get("back");
  const back = typeof backField === "string" && THREAD_PATH.test(backField) ? backField : "/";
  if (!form) return refusal(400, "That vote is not valid: it needs a post and a direction.", back);
  if (!fromThisSite(request)) return refusal(403, "Cross-site requests are refused.", back);
  const fields = formFields(form);
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other");
    await castVote(user, fields);
  } catch (e) {
    if (isAppError(e)) return refusal(httpStatusOf[e.code], e.message, back, e.retryAfterSeconds);
    throw e;
  }
  const anchor = fields.postType === "answer" && /^\d{1,9}$/.test(fields.postId ?? "") ? `#answer-${fields.postId}` : "";
  return new Response(null, { status: 303, headers: { Location: `${back}${anchor}`, "Cache-Control": "no-store" } });
}
