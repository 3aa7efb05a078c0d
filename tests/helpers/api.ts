/**
 * Calls the /api/v1 route handlers as Next would (a Request and its params), and checks every
 * response against the OpenAPI document the app serves (./openapi-check.ts).
 */
import assert from "node:assert/strict";
import { checkAgainstDocument, type ApiResult } from "./openapi-check";

export { checkAgainstDocument };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<"GET" | "POST" | "DELETE" | "OPTIONS", Handler>>;

// Each documented path, its route module, and the name of its one path parameter in the
// route's folder ([id], [username], [name]).
const routes: Record<string, { load: () => Promise<RouteModule>; param?: [string, string] }> = {
  "/api/v1/questions": { load: () => import("../../app/api/v1/questions/route") },
  "/api/v1/questions/{questionId}": { load: () => import("../../app/api/v1/questions/[id]/route"), param: ["questionId", "id"] },
  "/api/v1/questions/{questionId}/answers": { load: () => import("../../app/api/v1/questions/[id]/answers/route"), param: ["questionId", "id"] },
  "/api/v1/questions/{questionId}/vote": { load: () => import("../../app/api/v1/questions/[id]/vote/route"), param: ["questionId", "id"] },
  "/api/v1/questions/{questionId}/best-answer": { load: () => import("../../app/api/v1/questions/[id]/best-answer/route"), param: ["questionId", "id"] },
  "/api/v1/answers/{answerId}": { load: () => import("../../app/api/v1/answers/[id]/route"), param: ["answerId", "id"] },
  "/api/v1/answers/{answerId}/vote": { load: () => import("../../app/api/v1/answers/[id]/vote/route"), param: ["answerId", "id"] },
  "/api/v1/answers/{answerId}/best": { load: () => import("../../app/api/v1/answers/[id]/best/route"), param: ["answerId", "id"] },
  "/api/v1/search": { load: () => import("../../app/api/v1/search/route") },
  "/api/v1/users": { load: () => import("../../app/api/v1/users/route") },
  "/api/v1/users/{username}": { load: () => import("../../app/api/v1/users/[username]/route"), param: ["username", "username"] },
  "/api/v1/me": { load: () => import("../../app/api/v1/me/route") },
  "/api/v1/tags": { load: () => import("../../app/api/v1/tags/route") },
  "/api/v1/tags/{name}": { load: () => import("../../app/api/v1/tags/[name]/route"), param: ["name", "name"] },
  "/api/v1/categories": { load: () => import("../../app/api/v1/categories/route") },
  "/api/v1/openapi.json": { load: () => import("../../app/api/v1/openapi.json/route") },
};

export const documentedPaths = Object.keys(routes);

type CallOptions = {
  path?: Record<string, string | number>;
  query?: Record<string, string>;
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  ip?: string;
};

/** One request to a documented operation, answered by its route handler and checked against the document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read the bodies the document has just validated
export async function api(method: "GET" | "POST" | "DELETE", template: string, options: CallOptions = {}): Promise<ApiResult<any>> {
  const res = await rawApi(method, template, options);
  return checkAgainstDocument(method, template, res);
}

/** The same, unchecked (for what the document does not describe, such as OPTIONS). */
export async function rawApi(method: "GET" | "POST" | "DELETE" | "OPTIONS", template: string, options: CallOptions = {}): Promise<Response> {
  const route = routes[template];
  assert.ok(route, `no route for ${template}`);
  let path = template;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.path ?? {})) {
    path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
    params[route.param?.[0] === name ? route.param[1] : name] = String(value);
  }
  const url = new URL(`http://forum.test${path}`);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { "x-forum-client-ip": options.ip ?? "203.0.113.1", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const handler = (await route.load())[method];
  assert.ok(handler, `${template} has no ${method}`);
  return handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
}
