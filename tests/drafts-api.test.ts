/** /api/drafts refuses what no page of the forum sends, before looking at who sent it. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { POST } from "../app/api/drafts/route";
import { limits } from "../lib/rules";

const send = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://forum.test/api/drafts", { method: "POST", body, headers: { host: "forum.test", ...headers } }));

test("only JSON from this site; an oversized or malformed body is refused with a message", async () => {
  const cases: [Response, number][] = [
    [await send('{"body":"x"}', { "content-type": "text/plain" }), 415],
    [await send('{"body":"x"}', { "content-type": "application/json", origin: "https://evil.example" }), 403],
    [await send(JSON.stringify({ questionId: 1, body: "x".repeat(limits.bodyMax * 7) })), 413],
    [await send("not json"), 400],
    [await send("[1, 2]"), 400],
    [await send("null"), 400],
  ];
  for (const [res, status] of cases) {
    assert.equal(res.status, status);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.equal(typeof ((await res.json()) as { error?: unknown }).error, "string");
  }
});
