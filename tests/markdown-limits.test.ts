/**
 * Text built to make the Markdown parser slow or deep (issue: "a short post freezes the forum")
 * is refused with a message in bounded time, through the preview and as a post, and the thread
 * that serves readers keeps serving meanwhile.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { POST as preview } from "../app/api/preview/route";
import { createAnswer } from "../lib/commands/create-answer";
import { db } from "../lib/db";
import { isAppError } from "../lib/errors";
import { MAX_DEADLINE_STRETCH, RENDER_DEADLINE_MS } from "../server/markdown-workers";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { askAs, member } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

const hostile: Record<string, string> = {
  "a list nested 5,000 deep (10 kB)": "- ".repeat(5_000) + "x",
  "a quote nested 10,000 deep (20 kB)": "> ".repeat(10_000) + "x",
  "mixed emphasis x4,700 (14 kB)": "*_a".repeat(4_700),
  "emphasis x7,000 (14 kB)": "*a".repeat(7_000),
  "setext headings x5,000 (20 kB)": "a\n=\n".repeat(5_000),
};

/** The longest the event loop went without a turn while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  return longest;
}

async function previewOf(markdown: string) {
  const res = await preview(new Request("http://x/api/preview", { method: "POST", body: JSON.stringify({ markdown }), headers: { "content-type": "application/json" } }));
  return { status: res.status, body: (await res.json()) as { html?: string; error?: string } };
}

for (const [name, markdown] of Object.entries(hostile)) {
  test(`preview: ${name} is answered in bounded time without stalling the server`, async () => {
    const started = performance.now();
    let result: Awaited<ReturnType<typeof previewOf>> | undefined;
    const stall = await longestStall(async () => (result = await previewOf(markdown)));
    const took = performance.now() - started;
    // Refused, or rendered in time: never a 500, never past the deadline (stretched on a machine
    // busier than its cores, server/markdown-workers.ts) plus a fresh worker's start. What
    // readers feel is the stall, below: the thread that serves them never waits on the parser.
    assert.ok(result!.status === 200 || result!.status === 400, `status ${result!.status}`);
    if (result!.status === 400) assert.match(result!.body.error ?? "", /nest at most|takes too long to lay out/);
    assert.ok(took < RENDER_DEADLINE_MS * MAX_DEADLINE_STRETCH + 4_000, `took ${took.toFixed(0)} ms`);
    assert.ok(stall < 100, `the event loop stalled ${stall.toFixed(0)} ms`);
  });
}

test("a list nested 5,000 deep as an answer: refused for its field, nothing stored", async () => {
  const asker = await member();
  const q = await askAs(asker);
  const before = await db.answer.count({ where: { questionId: q.id } });
  await assert.rejects(createAnswer(await member(), q.id, { body: hostile["a list nested 5,000 deep (10 kB)"] }), (e: unknown) => {
    assert.ok(isAppError(e) && e.code === "BAD_INPUT");
    assert.match(e.fieldErrors.body?.join(" ") ?? "", /nest at most 24 levels/);
    return true;
  });
  assert.equal(await db.answer.count({ where: { questionId: q.id } }), before);
});

test("a text past the deadline as an answer: refused for its field; the next post renders", async () => {
  const asker = await member();
  const q = await askAs(asker);
  const writer = await member();
  await assert.rejects(createAnswer(writer, q.id, { body: "*_a".repeat(9_000) }), (e: unknown) => {
    assert.ok(isAppError(e) && e.code === "BAD_INPUT");
    assert.match(e.fieldErrors.body?.join(" ") ?? "", /takes too long to lay out/);
    return true;
  });
  const ok = await createAnswer(writer, q.id, { body: "A plain answer after a refused one, with **bold**." });
  const stored = await db.answer.findUniqueOrThrow({ where: { id: ok.id }, select: { bodyHtml: true } });
  assert.match(stored.bodyHtml, /<strong>bold<\/strong>/);
});

test("a long ordinary post (30,000 characters of prose, code, tables, lists) is not refused", async () => {
  const para = "TCP gives **reliable**, ordered delivery; UDP does _not_. See [RFC 793](https://www.rfc-editor.org/rfc/rfc793) and `SO_REUSEADDR`.\n\n";
  const code = "```c\nint fd = socket(AF_INET, SOCK_STREAM, 0);\n```\n\n";
  const table = "| Feature | TCP | UDP |\n|---|---|---|\n| Ordering | yes | no |\n| Delivery | reliable | best effort |\n\n";
  const list = "- one with `code`\n  - nested *two*\n    - three\n\n";
  let body = "";
  while (body.length < 29_000) body += para + code + table + list + "> quoted line\n\n";
  const { status, body: reply } = await previewOf(body.slice(0, 29_900));
  assert.equal(status, 200, reply.error);
  assert.match(reply.html ?? "", /<table>/);
});
