import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { contentSecurityPolicyFor } from "../server/security-headers";

const hashOf = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
const scriptSrc = (html: string) => contentSecurityPolicyFor(Buffer.from(html)).split("; ").find((d) => d.startsWith("script-src"));

test("the CSP allows each inline script by its hash, and scripts with src by origin only", () => {
  const first = "self.__next_f.push([1,\"caf\\u00e9 — ✓\"])";
  const second = "(self.__next_f=self.__next_f||[]).push([0])";
  const html = `<html><head><script src="/_next/a.js" async=""></script><script id="_R_">${first}</script></head><body><p>é</p><script>${second}</script><script>${first}</script></body></html>`;
  assert.equal(scriptSrc(html), `script-src 'self' ${hashOf(first)} ${hashOf(second)}`);
});

test("a page without inline scripts allows only its own origin", () => {
  assert.equal(scriptSrc(`<p>ok</p><script src="/x.js"></script>`), "script-src 'self'");
  assert.equal(scriptSrc(`<p>an unterminated <script>tag`), "script-src 'self'");
});
