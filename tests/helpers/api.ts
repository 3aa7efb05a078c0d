/**
 * Calls the /api/v1 route handlers as Next would (a Request and its params), and checks every
 * response against the OpenAPI document the app serves (lib/api/openapi.ts): the status must be
 * documented for the operation, the content type must be the documented one, and the body must
 * validate against its schema (ajv, JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { openApiDocument } from "../../lib/api/openapi";

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

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
// The whole document is one schema resource: its internal $refs (#/components/...) resolve in it.
ajv.addSchema({ ...openApiDocument, $id: "openapi" } as object);

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
type Json = Record<string, unknown>;
const doc = openApiDocument as unknown as Json;

function resolve(node: Json): { node: Json; at: string | null } {
  const target = node.$ref;
  if (typeof target !== "string") return { node, at: null };
  const parts = target.replace(/^#\//, "").split("/");
  let out: unknown = doc;
  for (const p of parts) out = (out as Json)[p.replace(/~1/g, "/").replace(/~0/g, "~")];
  return { node: out as Json, at: target.slice(1) };
}

export type ApiResult<T = Json> = { status: number; headers: Headers; body: T; text: string };

/** Asserts that the response is what the document says this operation answers, and returns it parsed. */
export async function checkAgainstDocument(method: string, template: string, res: Response): Promise<ApiResult> {
  const operation = ((doc.paths as Json)[template] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  assert.ok(operation, `${method} ${template} is not in the OpenAPI document`);
  const responses = operation.responses as Json;
  const documented = responses[String(res.status)] as Json | undefined;
  const text = await res.text();
  assert.ok(documented, `${method} ${template} answered ${res.status}, which the document does not list: ${text.slice(0, 300)}`);
  const { node: response, at } = resolve(documented);
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const content = (response.content as Json | undefined)?.[type] as Json | undefined;
  assert.ok(content, `${method} ${template} ${res.status} came as "${type}", which the document does not list`);
  const body = text ? JSON.parse(text) : null;
  const schemaPointer = at ? `${at}/content/${pointer(type)}/schema` : `/${pointer("paths", template, method.toLowerCase(), "responses", String(res.status), "content", type, "schema")}`;
  const validate = ajv.getSchema(`openapi#${schemaPointer}`);
  assert.ok(validate, `no schema at ${schemaPointer}`);
  if (!validate(body)) assert.fail(`${method} ${template} ${res.status}: the body does not match the document: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`);
  for (const header of Object.keys((response.headers as Json | undefined) ?? {})) {
    if (header === "Link" && !res.headers.has("link")) continue; // only when there is a page beside this one
    assert.ok(res.headers.has(header), `${method} ${template} ${res.status}: the documented header ${header} is missing`);
  }
  assert.equal(res.headers.get("access-control-allow-origin"), "*");
  assert.equal(res.headers.get("access-control-allow-credentials"), null);
  return { status: res.status, headers: res.headers, body, text };
}

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
