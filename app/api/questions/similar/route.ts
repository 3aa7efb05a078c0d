import { findSimilarQuestions } from "@/lib/data/similar-questions";

export const dynamic = "force-dynamic";

/** Questions whose titles share words with a title being typed on the ask page. */
export async function GET(request: Request): Promise<Response> {
  const questions = await findSimilarQuestions(new URL(request.url).searchParams.get("title") ?? "");
  return Response.json({ questions }, { headers: { "Cache-Control": "no-store" } });
}
