import { renderCommentMarkdown, renderMarkdown } from "@/lib/markdown";
import { limits } from "@/lib/rules";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
// JSON escaping can grow each character to six ("\uXXXX"); refuse anything larger unparsed.
const MAX_BODY_CHARS = limits.bodyMax * 6 + 1_000;

function fail(error: string): Response {
  return Response.json({ error }, { status: 400, headers: noStore });
}

/** Renders a draft through the same pipeline used when posts are stored. */
export async function POST(request: Request): Promise<Response> {
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return fail(`Keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`);

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
  if (markdown.length > limits.bodyMax) {
    return fail(`Keep it under ${limits.bodyMax.toLocaleString("en-US")} characters.`);
  }

  const html = kind === "comment" ? renderCommentMarkdown(markdown) : renderMarkdown(markdown);
  return Response.json({ html }, { headers: noStore });
}
