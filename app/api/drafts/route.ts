import { getCurrentUser } from "@/lib/auth/current-user";
import { discardDraft, saveDraft } from "@/lib/commands/drafts";
import { httpStatusOf, isAppError } from "@/lib/errors";
import { fromThisSite } from "@/lib/request";
import { limits } from "@/lib/rules";
import { handleThreadFormPost } from "@/lib/thread-form-post";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
// JSON escaping can grow each character to six ("\uXXXX"); refuse anything larger unparsed,
// as the answer route does: a draft holds what a post holds.
const MAX_BODY_CHARS = limits.bodyMax * 6 + 2_000;

function fail(status: number, error: string, fields: Record<string, string[]> = {}, retryAfterSeconds?: number): Response {
  const headers = retryAfterSeconds ? { ...noStore, "Retry-After": String(retryAfterSeconds) } : noStore;
  return Response.json({ error, fields }, { status, headers });
}

const isForm = (type: string) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type);

/**
 * A member's drafts (lib/commands/drafts.ts). The editor's script (lib/enhance/drafts.ts) sends
 * what the ask form or an answer box holds as JSON, { questionId, body, title?, tags? }, every
 * few seconds while it changes and when the page is left; an empty one drops the draft. The
 * "Discard draft" button posts its form here without the script: the draft is dropped and the
 * page comes back. JSON cannot be sent cross-site without a CORS preflight, never granted here,
 * and a browser's Origin must be this host, as for every write.
 */
export async function POST(request: Request): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  if (isForm(type)) return discardByForm(request);
  if (!/^application\/json\b/i.test(type)) return fail(415, 'Send the draft as JSON: { "questionId": 1, "body": "..." }.');
  if (!fromThisSite(request)) return fail(403, "Cross-site requests are refused.");

  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return fail(413, `Keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return fail(400, 'Send a JSON body like { "questionId": 1, "body": "..." }.');
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return fail(400, "Send a JSON object.");

  try {
    const { saved } = await saveDraft(await getCurrentUser(), input);
    return Response.json({ saved }, { headers: noStore });
  } catch (e) {
    if (isAppError(e)) return fail(httpStatusOf[e.code], e.message, e.fieldErrors, e.retryAfterSeconds);
    throw e;
  }
}

/** "Discard draft" posted with its form (no script): drop it, back to the form, now empty. */
function discardByForm(request: Request): Promise<Response> {
  return handleThreadFormPost(request, (user, fields) => discardDraft(user, { questionId: fields.discardDraft ?? "" }), {
    refused: "Your draft was not discarded",
    to: ({ questionId }) => (questionId === null ? "/ask" : undefined),
  });
}
