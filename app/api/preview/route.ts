import { httpStatusOf, isAppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/client-address";
import { renderMarkdownAs } from "@/lib/markdown/render";
import { consume, describeWait } from "@/lib/rate-limit";
import { fromThisSite } from "@/lib/request";
import { limits, trust } from "@/lib/rules";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
// JSON escaping can grow each character to six ("\uXXXX"); refuse anything larger unparsed.
const MAX_BODY_CHARS = limits.bodyMax * 6 + 1_000;

function fail(error: string, status = 400, retryAfterSeconds?: number): Response {
  const headers = retryAfterSeconds ? { ...noStore, "Retry-After": String(retryAfterSeconds) } : noStore;
  return Response.json({ error }, { status, headers });
}

/**
 * Renders a draft through the same pipeline, workers and deadline used when posts are stored,
 * so the preview refuses exactly what posting would. It writes nothing, so it is outside the
 * write budgets (server/front-door.ts), but it has a limit of its own per address.
 */
export async function POST(request: Request): Promise<Response> {
  // Only this site's editor asks (as JSON): another site's page may not spend the server's time.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) return fail('Send JSON: { "markdown": "..." }.', 415);
  if (!fromThisSite(request)) return fail("Cross-site requests are refused.", 403);
  const address = clientAddressOf(request);
  const verdict = await consume(`preview:ip:${address}`, { limit: trust.previewsPerAddressPerMinute, windowMs: 60_000 });
  if (!verdict.ok) return fail(`Too many previews from your address. Try again in ${describeWait(verdict.retryAfterSeconds)}.`, 429, verdict.retryAfterSeconds);

  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return fail(`Keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`, 413);

  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return fail("Send a JSON body like { \"markdown\": \"...\" }.");
  }
  if (typeof input !== "object" || input === null) return fail("Send a JSON object.");

  const { markdown, kind = "post" } = input as { markdown?: unknown; kind?: unknown };
  if (typeof markdown !== "string") return fail("The field \"markdown\" must be a string.");
  if (kind !== "post" && kind !== "comment") return fail("The field \"kind\" must be \"post\" or \"comment\".");
  if (markdown.length > limits.bodyMax) return fail(`Keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`, 413);

  try {
    const { html } = await renderMarkdownAs(kind, markdown, "markdown");
    return Response.json({ html }, { headers: noStore });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return fail(Object.values(e.fieldErrors).flat().join(" ") || e.message, httpStatusOf[e.code], e.retryAfterSeconds);
  }
}
