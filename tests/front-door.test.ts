/**
 * What the front door (server/front-door.ts) refuses before any page or route runs: bodies
 * larger than any form sends, bodies of unknown length, and addresses holding a NUL.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { frontDoor } from "../server/front-door";
import { MAX_WRITE_BYTES } from "../server/write-body-limit";

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

/** A raw request, so the test controls Content-Length and Transfer-Encoding. */
function send(path: string, { method = "POST", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

test("a write larger than any form sends is refused by its length, unread: JSON for scripts, a page for forms", async () => {
  reached.length = 0;
  const big = Buffer.alloc(MAX_WRITE_BYTES + 1, "a");
  const json = await send("/api/questions/1/answers", { headers: { "content-type": "application/json", "content-length": String(big.length) }, body: big });
  assert.equal(json.status, 413);
  assert.match(JSON.parse(json.text).error, /larger than the forum takes/);
  const action = await send("/questions/1/x", { headers: { "next-action": "abc", "content-type": "text/plain", "content-length": String(big.length) }, body: big });
  assert.equal(action.status, 413);
  assert.match(JSON.parse(action.text).error, /larger than the forum takes/);
  const form = await send("/ask", { headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(big.length) }, body: big });
  assert.equal(form.status, 413);
  assert.match(form.type, /text\/html/);
  assert.match(form.text, /your text is still in the form/);
  assert.deepEqual(reached, []);
});

test("10 MB announced is refused the same way", async () => {
  const res = await send("/api/votes", { headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(10 * 1024 * 1024) }, body: "postId=1" }).catch((e: Error) => ({ status: 0, type: "", text: e.message }));
  // The server answers at once and closes; the client may see the answer or the closed socket.
  assert.ok(res.status === 413 || /socket|ECONNRESET|EPIPE/.test(res.text), JSON.stringify(res));
});

test("a write of unknown length (chunked) is refused; one within the limit goes on", async () => {
  reached.length = 0;
  const chunked = await send("/api/votes", { headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" }, body: "postId=1" });
  assert.equal(chunked.status, 411);
  const ok = await send("/api/votes", { headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "21" }, body: "postId=1&direction=up" });
  assert.equal(ok.status, 200);
  assert.deepEqual(reached, ["next POST /api/votes"]);
});

test("a NUL in a path is a page that does not exist; in a query, a plain refusal", async () => {
  reached.length = 0;
  for (const path of ["/tags/%00", "/categories/%00", "/users/a%00b"]) assert.equal((await send(path, { method: "GET" })).status, 404);
  const query = await send("/search?q=%00", { method: "GET" });
  assert.equal(query.status, 400);
  assert.match(query.text, /NUL character/);
  assert.deepEqual(reached, ["not-found /tags/%00", "not-found /categories/%00", "not-found /users/a%00b"]);
});
