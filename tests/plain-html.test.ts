import assert from "node:assert/strict";
import { test } from "node:test";
import { withoutScripts } from "../server/plain-html";

const strip = (html: string) => withoutScripts(Buffer.from(html)).toString("utf8");

test("signed-out pages lose every script and script preload, and keep everything else", () => {
  const head =
    `<head><meta charset="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>` +
    `<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>` +
    `<link rel="modulepreload" href="/_next/static/chunks/c.js"/><link rel="preload" as="font" href="/f.woff2"/>` +
    `<script src="/_next/static/chunks/d.js" async=""></script><script src="/p.js" noModule=""></script>` +
    `<title>Café · Forum</title></head>`;
  const body =
    `<body><p>A post about &lt;script&gt; tags ✓</p><pre><code>&lt;script src="x"&gt;&lt;/script&gt;</code></pre>` +
    `<script id="_R_">(globalThis.TURBOPACK||[]).push({"a":"\\u003c/b"})</script><form action="/search"><input name="q"/></form>` +
    `<script>self.__next_f.push([1,"caf\\u00e9"])</script></body>`;
  assert.equal(
    strip(`<!DOCTYPE html><html lang="en">${head}${body}</html>`),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>` +
      `<link rel="preload" as="font" href="/f.woff2"/><title>Café · Forum</title></head>` +
      `<body><p>A post about &lt;script&gt; tags ✓</p><pre><code>&lt;script src="x"&gt;&lt;/script&gt;</code></pre>` +
      `<form action="/search"><input name="q"/></form></body></html>`,
  );
});

test("a page without scripts is returned as it is, and unknown look-alike tags stay", () => {
  const page = Buffer.from(`<p>ok</p><scripts-list></scripts-list><linked-data></linked-data>`);
  assert.equal(withoutScripts(page), page);
  assert.equal(strip(`<p>an unterminated <script>tag`), `<p>an unterminated <script>tag`);
});

test("pages the browser must finish keep their scripts: error shells, failed boundaries, non-200s", () => {
  const errorShell = `<html id="__next_error__"><head><script src="/a.js"></script></head><body></body></html>`;
  assert.equal(strip(errorShell), errorShell);
  const failedBoundary = `<main><!--$!--><template data-dgst="1"></template><!--/$--></main><script>self.__next_f.push([1])</script>`;
  assert.equal(strip(failedBoundary), failedBoundary);
  const page = `<p>Page not found</p><script>self.__next_f.push([1])</script>`;
  assert.equal(withoutScripts(Buffer.from(page), 404).toString(), page);
  assert.equal(withoutScripts(Buffer.from(page), 200).toString(), "<p>Page not found</p>");
});
