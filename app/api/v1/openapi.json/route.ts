import { openApiDocument } from "@/lib/api/openapi";
import { corsHeaders } from "@/lib/api/route";

export const dynamic = "force-static";
export { OPTIONS } from "@/lib/api/route";

const body = JSON.stringify(openApiDocument);

/** The API's OpenAPI 3.1 document: the same for everyone, no limits, cacheable. */
export function GET(): Response {
  return new Response(body, { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300", ...corsHeaders } });
}
