import { problemKinds } from "@/lib/api/problem";
import { ApiProblem } from "@/lib/api/problem";
import { corsHeaders, problemResponse } from "@/lib/api/route";

export const dynamic = "force-dynamic";
export { OPTIONS } from "@/lib/api/route";

/** What a problem document's `type` names, for a person who follows the link. */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  const { kind } = await params;
  const found = problemKinds.find((k) => k.slug === kind);
  if (!found) return problemResponse(new ApiProblem(404, "There is no such kind of problem."));
  const text = `${found.title} (HTTP ${found.status}).\n\n${found.description}\n\nThe API is described at /api/v1/openapi.json.\n`;
  return new Response(text, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600", ...corsHeaders } });
}
