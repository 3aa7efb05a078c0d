import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { POST } from "../app/api/preview/route";
import { limits } from "../lib/rules";
import { startMarkdownWorkers, stopMarkdownWorkers } from "../server/markdown-workers";

before(() => void startMarkdownWorkers());
after(stopMarkdownWorkers);

function previewRequest(body: string): Request {
  return new Request("http://x/api/preview", { method: "POST", body, headers: { "content-type": "application/json" } });
}

async function preview(input: unknown): Promise<{ status: number; body: { html?: string; error?: string }; res: Response }> {
  const res = await POST(previewRequest(JSON.stringify(input)));
  return { status: res.status, body: (await res.json()) as { html?: string; error?: string }, res };
}

test("a GFM table renders as a table, uncached", async () => {
  const { status, body, res } = await preview({ markdown: "| a | b |\n|---|---|\n| 1 | 2 |" });
  assert.equal(status, 200);
  assert.match(body.html ?? "", /<table>/);
  assert.match(body.html ?? "", /<td>1<\/td>/);
  assert.equal(res.headers.get("cache-control"), "no-store");
});

test("scripts never survive, in posts or comments", async () => {
  const markdown = 'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))';
  for (const kind of ["post", "comment"] as const) {
    const { status, body } = await preview({ markdown, kind });
    assert.equal(status, 200);
    assert.doesNotMatch(body.html ?? "", /<script|onerror|javascript:/i);
  }
});

test("the comment kind drops headings but keeps their text", async () => {
  const { body } = await preview({ markdown: "# Title\n\nsome **bold** text", kind: "comment" });
  assert.doesNotMatch(body.html ?? "", /<h1/);
  assert.match(body.html ?? "", /Title/);
  assert.match(body.html ?? "", /<strong>bold<\/strong>/);
  const post = await preview({ markdown: "# Title" });
  assert.match(post.body.html ?? "", /<h1>Title<\/h1>/);
});

test("bad bodies get 400 with a message", async () => {
  const bad = [
    previewRequest("not json"),
    previewRequest(JSON.stringify({})),
    previewRequest(JSON.stringify(null)),
    previewRequest(JSON.stringify({ markdown: 42 })),
    previewRequest(JSON.stringify({ markdown: "x", kind: "page" })),
  ];
  for (const req of bad) {
    const res = await POST(req);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error?: unknown };
    assert.equal(typeof body.error, "string");
  }
  const over = await preview({ markdown: "x".repeat(limits.bodyMax + 1) });
  assert.equal(over.status, 413);
  assert.match(over.body.error ?? "", /under 30,000 characters/);
  const ok = await preview({ markdown: "x".repeat(limits.bodyMax) });
  assert.equal(ok.status, 200);
});
