/**
 * Which images a post shows (lib/markdown/images.ts): members' uploads from /uploads/ only,
 * matching the pages' CSP (img-src 'self'); any other image becomes a link to it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { renderCommentMarkdown, renderMarkdown } from "../lib/markdown/pipeline";
import { contentSecurityPolicyFor } from "../server/security-headers";

const ID = "Ab3_-Ab3_-Ab3_-Ab3_-Ab";

test("an uploaded image is kept, lazy, with its alt text; linked to its original when shrunk", () => {
  assert.equal(renderMarkdown(`![a diagram](/uploads/${ID}/original.png)`), `<p><img src="/uploads/${ID}/original.png" alt="a diagram" loading="lazy" decoding="async"></p>`);
  const linked = renderMarkdown(`[![wide](/uploads/${ID}/display.jpg)](/uploads/${ID}/original.jpg)`);
  assert.equal(linked, `<p><a href="/uploads/${ID}/original.jpg" rel="nofollow ugc noopener"><img src="/uploads/${ID}/display.jpg" alt="wide" loading="lazy" decoding="async"></a></p>`);
});

test("an image from anywhere else becomes a link to it, or its alt text inside a link or without a safe address", () => {
  assert.equal(renderMarkdown("![tracker](https://evil.example/pixel.png)"), '<p><a href="https://evil.example/pixel.png" rel="nofollow ugc noopener">tracker</a></p>');
  assert.equal(renderMarkdown("![](http://example.org/a.gif)"), '<p><a href="http://example.org/a.gif" rel="nofollow ugc noopener">http://example.org/a.gif</a></p>');
  assert.equal(renderMarkdown("[![badge](https://ci.example/badge.svg)](https://ci.example)"), '<p><a href="https://ci.example" rel="nofollow ugc noopener">badge</a></p>');
  assert.equal(renderMarkdown("![x](javascript:alert(1))"), "<p>x</p>");
  for (const src of [`/uploads/${ID}/original.svg`, `/uploads/${ID}/../../x.png`, `/uploads/short/original.png`, `//evil.example/uploads/${ID}/original.png`, `data:image/png;base64,AAAA`]) {
    assert.doesNotMatch(renderMarkdown(`![x](${src})`), /<img/, src);
  }
  // Raw HTML images are dropped by the sanitizer before this policy is reached.
  assert.doesNotMatch(renderMarkdown(`<img src="/uploads/${ID}/original.png" onerror="alert(1)">`), /<img|onerror/);
});

test("comments show no images, only their alt text", () => {
  assert.equal(renderCommentMarkdown(`see ![the diagram](/uploads/${ID}/original.png)`), "<p>see the diagram</p>");
});

test("the CSP's img-src is the forum's own origin and nothing else", () => {
  const csp = contentSecurityPolicyFor(Buffer.from("<html></html>"));
  assert.match(csp, /(^|; )img-src 'self'(;|$)/);
});
