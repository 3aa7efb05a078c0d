/**
 * The one wrapper of every /api/v1 route handler: who calls (a bearer token, never a cookie),
 * the read limits, CORS (lib/api/problem.ts says what is allowed and why), and every refusal
 * as problem details.
 */
import "server-only";
import { clientAddressOf } from "../client-address";
import { requireMember } from "../commands/guard";
import { consume, describeWait } from "../rate-limit";
import { trust } from "../rules";
import { findTokenHolder, type TokenHolder } from "../data/api-tokens";
import { ApiProblem, corsHeaders, toApiProblem } from "./problem";
import { problemResponse } from "./responses";

export { jsonResponse, problemResponse } from "./responses";
export { corsHeaders };

const preflightHeaders = {
  ...corsHeaders,
  "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Max-Age": "600",
};

/** The answer to a browser's CORS preflight, for every route of the API. */
export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: preflightHeaders });
}

const unauthenticated = (detail: string) => new ApiProblem(401, detail, { headers: { "WWW-Authenticate": 'Bearer realm="forum-api"' } });

/**
 * The token's holder, or null when the request carries no Authorization header. A header that
 * is not a valid, live token is refused (401): a client that sends one should learn it is bad
 * rather than be served as anonymous. A suspended member's tokens are refused (403).
 */
export async function authenticate(request: Request): Promise<TokenHolder | null> {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!m) throw unauthenticated("Send the token as `Authorization: Bearer <token>`.");
  const holder = await findTokenHolder(m[1]!);
  if (!holder) throw unauthenticated("That token is not valid: it was revoked, has expired, or never existed.");
  requireMember(holder.actor);
  return holder;
}

async function limitReads(request: Request, holder: TokenHolder | null): Promise<void> {
  const key = holder ? `api:read:token:${holder.tokenId}` : `api:read:ip:${clientAddressOf(request)}`;
  const verdict = await consume(key, { limit: trust.apiReadsPerMinute, windowMs: 60_000 });
  if (!verdict.ok) {
    const seconds = verdict.retryAfterSeconds;
    throw new ApiProblem(429, `Too many reads. Try again in ${describeWait(seconds)}.`, { retryAfterSeconds: seconds, headers: { "Retry-After": String(seconds) } });
  }
}

type Context<P> = { params: Promise<P> };

/** Runs a handler; its refusals (and the commands' AppErrors) become problem details, a bug a 500. */
async function withProblemDetails(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    const problem = toApiProblem(e);
    if (problem) return problemResponse(problem);
    console.error("API:", e);
    return problemResponse(new ApiProblem(500, "The server failed to answer this request. It was logged."));
  }
}

/** A GET: anyone, a token optional; counted per token, or per address without one. */
export function apiRead<P = Record<string, never>>(handler: (request: Request, params: P, holder: TokenHolder | null) => Promise<Response>) {
  return (request: Request, context: Context<P>) =>
    withProblemDetails(async () => {
      const holder = await authenticate(request);
      await limitReads(request, holder);
      return handler(request, await context.params, holder);
    });
}

/**
 * A write: a token's holder only. The handler runs the same write guard (lib/actions/write-guard)
 * and command (lib/commands) as the forms; the per-address flood limit is the front door's.
 */
export function apiWrite<P = Record<string, never>>(handler: (request: Request, params: P, holder: TokenHolder) => Promise<Response>) {
  return (request: Request, context: Context<P>) =>
    withProblemDetails(async () => {
      const holder = await authenticate(request);
      if (!holder) throw unauthenticated("Writing needs a personal access token: make one in your settings, then send `Authorization: Bearer <token>`.");
      return handler(request, await context.params, holder);
    });
}
