/**
 * Errors of the JSON API as RFC 9457 problem details (application/problem+json): a `type` URI
 * naming the kind of problem, its `title`, the HTTP `status`, a `detail` for this occurrence,
 * and for refused input one entry per field in `errors`. No "server-only": the front door
 * (server/) answers its own refusals of /api/v1 requests with the same documents.
 */
import { type AppErrorCode, httpStatusOf, isAppError } from "../errors";

export const PROBLEM_TYPE = "application/problem+json";

/**
 * CORS: any origin may call the API, without credentials. Reads need no token; writes need a
 * personal access token in the Authorization header, which a browser never adds by itself. The
 * session cookie is never read by the API, so a page on another site cannot make a member's
 * browser write through it (no CSRF), and Access-Control-Allow-Credentials is never sent.
 */
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Link, Location, Retry-After, WWW-Authenticate",
};

type ProblemKind = { slug: string; title: string; description: string };

const kinds: Record<number, ProblemKind> = {
  400: { slug: "bad-input", title: "The request is not valid", description: "A parameter or field is missing or malformed (see `errors`), an id is not a number, or the text holds a NUL character." },
  401: { slug: "unauthenticated", title: "A valid personal access token is needed", description: "Writes need `Authorization: Bearer <token>` with a token made in /settings; a revoked, expired or unknown token is refused." },
  403: { slug: "forbidden", title: "Not allowed", description: "The forum's rules do not let the token's holder do this (points, who may pick a best answer, a locked or closed thread), or the holder is suspended." },
  404: { slug: "not-found", title: "Not found", description: "No such resource, or it was removed." },
  405: { slug: "method-not-allowed", title: "Method not allowed", description: "This address does not take that method." },
  409: { slug: "conflict", title: "Conflict", description: "The request conflicts with the current state." },
  411: { slug: "length-required", title: "Length required", description: "Send the body with its Content-Length." },
  413: { slug: "too-large", title: "The request is too large", description: "The body is larger than any post may be." },
  415: { slug: "unsupported-media-type", title: "Send JSON", description: "Send request bodies as JSON with `Content-Type: application/json`." },
  429: { slug: "rate-limited", title: "Too many requests", description: "Wait the number of seconds in the Retry-After header, then try again." },
  503: { slug: "unavailable", title: "Temporarily unavailable", description: "The forum's database does not answer for the moment: wait the seconds in the Retry-After header, then try again." },
  500: { slug: "server-error", title: "Something went wrong on the server", description: "The server failed to answer; it was logged." },
};

export const problemKinds = Object.entries(kinds).map(([status, kind]) => ({ status: Number(status), ...kind }));

export type FieldProblem = { field: string; detail: string };

export type ProblemDocument = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  retryAfterSeconds?: number;
};

/** The problem document for a status; every kind has its own type URI under /api/v1/problems/. */
export function problemDocument(status: number, detail: string, extra: { errors?: FieldProblem[]; retryAfterSeconds?: number } = {}): ProblemDocument {
  const kind = kinds[status] ?? kinds[500]!;
  return {
    type: `/api/v1/problems/${kind.slug}`,
    title: kind.title,
    status,
    detail,
    ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
    ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
  };
}

/** A refusal a route handler throws: the wrapper (lib/api/route.ts) turns it into its response. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly extra: { errors?: FieldProblem[]; retryAfterSeconds?: number; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

/** The commands' field errors ({ body: ["…"] }) as problem entries. */
export function fieldProblems(fieldErrors: Record<string, string[]>): FieldProblem[] {
  return Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((detail) => ({ field, detail })));
}

/** A command's AppError or a handler's ApiProblem as a problem; null for anything else (a bug). */
export function toApiProblem(e: unknown): ApiProblem | null {
  if (e instanceof ApiProblem) return e;
  if (!isAppError(e)) return null;
  const status = httpStatusOf[e.code as AppErrorCode];
  const headers = e.retryAfterSeconds ? { "Retry-After": String(e.retryAfterSeconds) } : undefined;
  return new ApiProblem(status, e.message, { errors: fieldProblems(e.fieldErrors), retryAfterSeconds: e.retryAfterSeconds, headers });
}
