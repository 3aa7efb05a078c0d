import type { ServerResponse } from "node:http";
import { corsHeaders, PROBLEM_TYPE, problemDocument } from "../lib/api/problem";

/** The JSON API's addresses: the front door refuses them with problem details, not pages. */
export const isApiV1Path = (pathname: string) => pathname === "/api/v1" || pathname.startsWith("/api/v1/");

/** A refusal of an /api/v1 request made before it reaches its route, as problem details. */
export function sendApiProblem(res: ServerResponse, status: number, detail: string, extra: { retryAfterSeconds?: number } = {}): void {
  res.statusCode = status;
  res.setHeader("Content-Type", PROBLEM_TYPE);
  res.setHeader("Cache-Control", "no-store");
  for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
  if (extra.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(extra.retryAfterSeconds));
  res.end(JSON.stringify(problemDocument(status, detail, extra)));
}
