/**
 * What the front door (server/front-door.ts) answers for /api/v1 before any route runs: a NUL
 * in the address or query, a body too large or of unknown length, a flood of writes from one
 * address; each as problem details the OpenAPI document describes. A CORS preflight spends no
 * write budget.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { databaseUnreachable, watchDatabase } from "../lib/db/health";
import { consume } from "../lib/rate-limit";
import { trust } from "../lib/rules";
import { frontDoor } from "../server/front-door";
import { MAX_WRITE_BYTES } from "../server/write-body-limit";
import { checkAgainstDocument } from "./helpers/api";

const reached: string[] = [];
let server: http.Server;
let base = "";

before(async () => {
  const next = (req: http.IncomingMessage, res: http.ServerResponse) => {
    reached.push(`next ${req.method} ${req.url}`);
    req.resume();
    req.on("end", () => res.end("ok"));
  };
  const notFound = (req: http.IncomingMessage, res: http.ServerResponse) => {
    reached.push(`not-found ${req.url}`);
    res.statusCode = 404;
    res.end("not found");
  };
  server = http.createServer(frontDoor(next, notFound));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

function send(path: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
        resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode, headers: h }));
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

test("a NUL in an API address or query is a 400 problem, before any route", async () => {
  reached.length = 0;
  const path = await checkAgainstDocument("GET", "/api/v1/users/{username}", await send("/api/v1/users/a%00b"));
  assert.equal(path.status, 400);
  assert.match(path.body.detail as string, /NUL/);
  const query = await checkAgainstDocument("GET", "/api/v1/search", await send("/api/v1/search?q=%00"));
  assert.equal(query.status, 400);
  assert.deepEqual(reached, []);
});

test("a body larger than any post, or of unknown length, is refused unread as a problem", async () => {
  reached.length = 0;
  const big = Buffer.alloc(MAX_WRITE_BYTES + 1, "a");
  const res = await checkAgainstDocument("POST", "/api/v1/questions", await send("/api/v1/questions", { method: "POST", headers: { "content-type": "application/json", "content-length": String(big.length) }, body: big }));
  assert.equal(res.status, 413);
  assert.equal(res.body.type, "/api/v1/problems/too-large");
  const chunked = await send("/api/v1/questions", { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, body: "{}" });
  assert.equal(chunked.status, 411);
  assert.equal(chunked.headers.get("content-type"), "application/problem+json");
  assert.deepEqual(reached, []);
});

test("writes from one address beyond the forum's flood limit are a 429 problem with Retry-After; preflights spend nothing", async () => {
  reached.length = 0;
  for (let i = 0; i < 3; i++) assert.equal((await send("/api/v1/questions", { method: "OPTIONS" })).status, 200);
  assert.equal(reached.length, 3, "preflights reach the route");
  for (let i = 0; i < trust.postsPerAddressPerMinute; i++) await consume("post:ip:127.0.0.1", { limit: trust.postsPerAddressPerMinute, windowMs: 60_000 });
  const res = await checkAgainstDocument("POST", "/api/v1/questions/{questionId}/answers", await send("/api/v1/questions/1/answers", { method: "POST", headers: { "content-type": "application/json", "content-length": "2" }, body: "{}" }));
  assert.equal(res.status, 429);
  assert.ok(Number(res.headers.get("retry-after")) > 0);
  assert.equal(reached.length, 3);
});

test("while the database server does not answer, the API says so as a 503 problem with Retry-After", async () => {
  reached.length = 0;
  watchDatabase(() => Promise.reject(new Error("connection refused")));
  databaseUnreachable(new Error("connection refused"));
  try {
    const res = await checkAgainstDocument("GET", "/api/v1/questions", await send("/api/v1/questions"));
    assert.equal(res.status, 503);
    assert.equal(res.body.type, "/api/v1/problems/unavailable");
    assert.ok(Number(res.headers.get("retry-after")) > 0);
  } finally {
    watchDatabase(null);
  }
  assert.deepEqual(reached, []);
});
