import { type ApiProblem, corsHeaders, PROBLEM_TYPE, problemDocument } from "./problem";

/** The API's two kinds of answer, with its headers: never cached, readable from any origin. */
export function problemResponse(problem: ApiProblem): Response {
  const doc = problemDocument(problem.status, problem.message, problem.extra);
  return new Response(JSON.stringify(doc), {
    status: problem.status,
    headers: { "Content-Type": PROBLEM_TYPE, "Cache-Control": "no-store", ...corsHeaders, ...problem.extra.headers },
  });
}

/** JSON with the API's headers. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...corsHeaders, ...init.headers },
  });
}
