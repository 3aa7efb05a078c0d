import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { memberPageTransform, plainMemberPage } from "../server/member-page";
import { servePageScript, threadPageScript } from "../server/page-script";

const page =
  `<!DOCTYPE html><html><head><link rel="modulepreload" href="/_next/static/chunks/a.js"/><script src="/_next/static/chunks/b.js" async=""></script></head>` +
  `<body><form action="/api/votes" method="post"><button>▲</button></form><script>self.__next_f.push([1,"x"])</script></body></html>`;

test("a member's thread page loses React's scripts and gets the forum's one script, in its head", () => {
  const out = plainMemberPage(Buffer.from(page), 200).toString();
  const { path } = threadPageScript();
  assert.equal(out, `<!DOCTYPE html><html><head><script src="${path}" defer=""></script></head><body><form action="/api/votes" method="post"><button>▲</button></form></body></html>`);
  assert.match(path, /^\/_forum\/thread-page\.[\w-]{12}\.js$/);
});

test("pages React must finish, and other paths, are left alone", () => {
  const errorShell = Buffer.from(`<html id="__next_error__"><head><script src="/a.js"></script></head></html>`);
  assert.equal(plainMemberPage(errorShell, 200), errorShell);
  const missing = Buffer.from(page);
  assert.equal(plainMemberPage(missing, 404), missing);
  assert.equal(memberPageTransform("/questions/12/why-tcp"), plainMemberPage);
  assert.equal(memberPageTransform("/questions/12"), plainMemberPage);
  assert.equal(memberPageTransform("/search"), plainMemberPage);
  for (const other of ["/", "/ask", "/questions", "/questions/new", "/users/alice", "/edit/answers/3", "/searching", "/search/x"]) assert.equal(memberPageTransform(other), undefined, other);
});

test("the script is small and none of React's, bundled with what it imports", () => {
  const { body, gzipped } = threadPageScript();
  assert.ok(gzipped.length < 6 * 1024, `${gzipped.length} bytes gzipped`);
  assert.doesNotMatch(body.toString(), /react|__next/i);
  // Its imports are inlined (lib/vote-state.ts's rule is in there), and nothing is left to load.
  assert.doesNotMatch(body.toString(), /\bimport\b|\brequire\(/);
  assert.match(body.toString(), /\/api\/preview/);
});

test("the script is served from memory under its content's name, for good, gzipped when asked", async () => {
  const server = http.createServer((req, res) => {
    if (!servePageScript(req, res, new URL(req.url!, "http://x").pathname)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const { path, body } = threadPageScript();
    const plain = await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity" } });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(plain.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.deepEqual(Buffer.from(await plain.arrayBuffer()), body);
    const gz = await new Promise<http.IncomingMessage>((resolve) => http.get(`${base}${path}`, { headers: { "accept-encoding": "gzip" } }, resolve));
    assert.equal(gz.headers["content-encoding"], "gzip");
    const chunks: Buffer[] = [];
    for await (const chunk of gz) chunks.push(chunk as Buffer);
    assert.deepEqual(gunzipSync(Buffer.concat(chunks)), body);
    assert.equal((await fetch(`${base}/_forum/thread-page.old.js`)).status, 404);
    assert.equal((await fetch(`${base}${path}`, { method: "POST" })).status, 404);
  } finally {
    server.close();
  }
});
