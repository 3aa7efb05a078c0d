import { guardWrite } from "@/lib/actions/write-guard";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { createAnswer } from "@/lib/commands/create-answer";
import { httpStatusOf, isAppError } from "@/lib/errors";
import { AnswerForm } from "@/components/html/thread/thread-parts";
import { handleThreadFormPost } from "@/lib/thread-form-post";
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

const isForm = (type: string) => /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type);
// A form escapes a character in up to nine bytes (%XX for each of three UTF-8 bytes).
const MAX_FORM_BYTES = limits.bodyMax * 9 + 10_000;

/** The same budgets as the answer form's server action (lib/actions/post-answer.ts). */
async function postAnswer(user: CurrentUser | null, questionId: string, input: unknown) {
  const body = (input as { body?: unknown }).body;
  await guardWrite(user, "answer", typeof body === "string" ? body : "");
  return createAnswer(user, questionId, input);
}

/**
 * Posts an answer as the signed-in member: the answer form of the thread
 * (components/html/thread/thread-parts.tsx) posts here, and the page's script sends it as JSON
 * (lib/enhance/answer-form.ts). Cross-site forms cannot send
 * application/json without a CORS preflight, which this route never grants, and a browser's
 * Origin must be this host (for form posts too): together they keep the session cookie from
 * being borrowed.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  if (isForm(type)) return postForm(request, (await params).id);
  if (!/^application\/json\b/i.test(type)) {
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
    const answer = await postAnswer(await getCurrentUser(), (await params).id, input);
    const url = `/questions/${answer.questionId}/${answer.slug}#answer-${answer.id}`;
    return Response.json({ id: answer.id, url }, { status: 201, headers: noStore });
  } catch (e) {
    if (isAppError(e)) return fail(httpStatusOf[e.code], e.message, e.fieldErrors, e.retryAfterSeconds);
    throw e;
  }
}

/** The form posted without JavaScript: back to the new answer, or the reason with the text kept. */
function postForm(request: Request, questionId: string): Promise<Response> | Response {
  const refused = "Your answer was not posted";
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) {
    return new Response(`${refused}: keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`, { status: 413, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
  }
  const form = (back: string, echo: Parameters<typeof AnswerForm>[0]["echo"]) => AnswerForm({ questionId: Number(questionId) || 0, back, echo });
  return handleThreadFormPost(request, (user, fields) => postAnswer(user, questionId, fields), { refused, form, anchor: (answer) => `#answer-${answer.id}` });
}
