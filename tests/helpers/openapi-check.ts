/**
 * Checks a response against the OpenAPI document the app serves (lib/api/openapi.ts): the
 * status must be documented for the operation, the content type must be the documented one, and
 * the body must validate against its schema (ajv, JSON Schema 2020-12, the dialect of OpenAPI
 * 3.1). Used on the route handlers' answers (tests/) and a real server's (e2e/).
 */
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { openApiDocument } from "../../lib/api/openapi";

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
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the callers read the body just validated
export async function checkAgainstDocument(method: string, template: string, res: Response): Promise<ApiResult<any>> {
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
