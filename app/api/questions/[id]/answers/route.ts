import { guardWrite } from "@/lib/actions/write-guard";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createAnswer } from "@/lib/commands/create-answer";
import { httpStatusOf, isAppError } from "@/lib/errors";
import { fromThisSite } from "@/lib/request";
import { limits } from "@/lib/rules";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
// JSON escaping can grow each character to six ("\uXXXX"); refuse anything larger unparsed.
const MAX_BODY_CHARS = limits.bodyMax * 6 + 1_000;

function fail(status: number, error: string, fields: Record<string, string[]> = {}, retryAfterSeconds?: number): Response {
  const headers = retryAfterSeconds ? { ...noStore, "Retry-After": String(retryAfterSeconds) } : noStore;
  return Response.json({ error, fields }, { status, headers });
}

/**
 * Posts an answer as the signed-in member: the JSON twin of the answer form. Cross-site forms
 * cannot send application/json without a CORS preflight, which this route never grants, and a
 * browser's Origin must be this host: together they keep the session cookie from being borrowed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return fail(415, "Send the answer as JSON: { \"body\": \"...\" }.");
  }
  if (!fromThisSite(request)) return fail(403, "Cross-site requests are refused.");

  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return fail(400, `Keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return fail(400, "Send a JSON body like { \"body\": \"...\" }.");
  }
  if (typeof input !== "object" || input === null) return fail(400, "Send a JSON object.");

  try {
    const user = await getCurrentUser();
    // The same budgets as the answer form (lib/actions/post-answer.ts).
    const body = (input as { body?: unknown }).body;
    await guardWrite(user, "answer", typeof body === "string" ? body : "");
    const answer = await createAnswer(user, (await params).id, input);
    const url = `/questions/${answer.questionId}/${answer.slug}#answer-${answer.id}`;
    return Response.json({ id: answer.id, url }, { status: 201, headers: noStore });
  } catch (e) {
    if (isAppError(e)) return fail(httpStatusOf[e.code], e.message, e.fieldErrors, e.retryAfterSeconds);
    throw e;
  }
}
