import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MARKDOWN_PIPELINE_VERSION,
  excerptFromMarkdown,
  renderCommentMarkdown,
  renderMarkdown,
} from "../lib/markdown/pipeline";
import { readFileSync } from "node:fs";
import { HIGHLIGHT_CLASSES } from "../lib/markdown/code-highlight";
import { flagshipThread, starterCategories } from "../prisma/seed/flagship";

const answerHtml = renderMarkdown(flagshipThread.answer.bodyMd);

test("pipeline version is a positive integer", () => {
  assert.ok(Number.isInteger(MARKDOWN_PIPELINE_VERSION) && MARKDOWN_PIPELINE_VERSION >= 1);
});

test("flagship answer renders the comparison table with 7 body rows", () => {
  assert.equal(answerHtml.match(/<table>/g)?.length, 1);
  const tbody = answerHtml.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? "";
  assert.equal(tbody.match(/<tr>/g)?.length, 7);
  const thead = answerHtml.match(/<thead>([\s\S]*?)<\/thead>/)?.[1] ?? "";
  assert.deepEqual(
    [...thead.matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1]),
    ["Feature", "Client-Server Model", "Peer-to-Peer (P2P) Model"],
  );
});

test("table rows carry the 7 expected first-column labels, each row 3 cells", () => {
  const tbody = answerHtml.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? "";
  const rows = [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "");
  assert.ok(rows.every((r) => r.match(/<td>/g)?.length === 3));
  const labels = rows.map((r) => r.match(/<td><strong>(.*?)<\/strong><\/td>/)?.[1]);
  assert.deepEqual(labels, [
    "⚙️ Architecture",
    "🛡️ Security",
    "📈 Scalability",
    "🚦 Performance",
    "💰 Cost",
    "🛠️ Complexity",
    "🌍 Typical Use Cases",
  ]);
  assert.match(
    tbody,
    /<td>Centralized, with dedicated servers and clients\.<\/td>\s*<td>Decentralized, all nodes are peers with equal roles\.<\/td>/,
  );
});

test("headings, emoji and bold list items survive", () => {
  for (const h of [
    "<h3>🌐 Understanding the Client-Server Model</h3>",
    "<h3>🤝 Exploring the Peer-to-Peer (P2P) Model</h3>",
    "<h3>⚖️ Client-Server vs. Peer-to-Peer: A Comprehensive Comparison</h3>",
    "<h3>💡 Key Takeaways &#x26; When to Choose Each Model</h3>",
  ]) {
    assert.ok(answerHtml.includes(h), `missing ${h}`);
  }
  assert.ok(answerHtml.includes("<li>🖥️ <strong>Centralized Control:</strong> A central server"));
  assert.equal(answerHtml.match(/<li>/g)?.length, 13);
  const q = renderMarkdown(flagshipThread.question.bodyMd);
  assert.ok(q.startsWith("<p>Hey everyone! 👋") && q.trimEnd().endsWith("Thanks a bunch! 🙏</p>"));
});

test("starter categories start with the flagship category and have unique slugs", () => {
  assert.equal(starterCategories[0]?.slug, flagshipThread.category.slug);
  assert.equal(new Set(starterCategories.map((c) => c.slug)).size, starterCategories.length);
});

test("raw HTML never comes through as tags", () => {
  for (const render of [renderMarkdown, renderCommentMarkdown]) {
    const html = render(
      'Hi <script>alert(1)</script> there\n\n<img src=x onerror=alert(1)>\n\n<div onclick="x()">block</div>\n\n<iframe src="https://evil.example"></iframe>',
    );
    assert.doesNotMatch(html, /<script|<img|<div|<iframe|onerror|onclick/i);
  }
});

test("javascript: and data: links lose their href", () => {
  for (const render of [renderMarkdown, renderCommentMarkdown]) {
    const html = render(
      "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html;base64,PHNjcmlwdD4=) ![i](javascript:alert(1))",
    );
    assert.doesNotMatch(html, /javascript:|data:/i);
  }
});

test("links get rel=nofollow ugc noopener", () => {
  const html = renderMarkdown("See [docs](https://example.com/a) and https://example.org");
  assert.equal(html.match(/<a href="https:\/\/example\.com\/a" rel="nofollow ugc noopener">docs<\/a>/g)?.length, 1);
  assert.match(html, /<a href="https:\/\/example\.org" rel="nofollow ugc noopener">/);
  assert.match(renderCommentMarkdown("[docs](https://example.com)"), /rel="nofollow ugc noopener"/);
});

test("code blocks keep language-* class; other classes are dropped", () => {
  const html = renderMarkdown("```ts\nconst x: number = 1;\n```\n\n<code class=\"evil\">x</code>");
  assert.match(html, /<pre><code class="hljs language-ts"><span class="hljs-keyword">const<\/span> <span class="hljs-attr">x<\/span>: <span class="hljs-built_in">number<\/span> = <span class="hljs-number">1<\/span>;\n<\/code><\/pre>/);
  assert.doesNotMatch(html, /evil/);
});

test("a fenced js block is highlighted on the server with hljs spans", () => {
  const html = renderMarkdown('```js\n// greet\nfunction hi(name) { return "hi " + name; }\n```');
  assert.match(html, /<code class="hljs language-js">/);
  assert.match(html, /<span class="hljs-comment">\/\/ greet<\/span>/);
  assert.match(html, /<span class="hljs-keyword">function<\/span> <span class="hljs-title">hi<\/span>/);
  assert.match(html, /<span class="hljs-string">"hi "<\/span>/);
  // Scope suffixes and classes the CSS does not colour are dropped, never left as class="".
  assert.doesNotMatch(html, /function_|class=""|<span>/);
});

test("a hostile code block is still escaped when highlighted", () => {
  const html = renderMarkdown('```html\n<script>alert(1)</script><img src=x onerror="alert(2)">\n```\n\n```js\nconst s = "</code></pre><script>alert(3)</script>";\n```');
  assert.doesNotMatch(html, /<script|<img|onerror="|<\/code><\/pre><script/);
  assert.match(html, /&#x3C;<span class="hljs-name">script<\/span>>alert\(1\)/);
  assert.match(html, /<span class="hljs-string">"&#x3C;\/code>&#x3C;\/pre>&#x3C;script>alert\(3\)&#x3C;\/script>"<\/span>/);
});

test("an unknown or missing language falls back to plain text", () => {
  const unknown = renderMarkdown("```klingon\nqapla' <b>\n```");
  assert.equal(unknown, '<pre><code class="hljs language-klingon">qapla\' &#x3C;b>\n</code></pre>');
  assert.equal(renderMarkdown("```\nconst x = 1;\n```"), "<pre><code>const x = 1;\n</code></pre>");
  // Inline code and comments are never highlighted.
  assert.equal(renderMarkdown("`const x`"), "<p><code>const x</code></p>");
});

test("the sanitizer keeps exactly the highlight classes the stylesheet colours", () => {
  const css = readFileSync(new URL("../components/html/styles/code-highlight.css", import.meta.url), "utf8");
  const coloured = new Set([...css.matchAll(/\.(hljs-[\w-]+)/g)].map((m) => m[1]));
  assert.deepEqual([...HIGHLIGHT_CLASSES].sort(), [...coloured].sort());
  // A sample that uses most grammars' scopes keeps nothing outside the list.
  const sample = renderMarkdown("```python\n@deco\nclass A(B):\n    def f(self, x=1):\n        return f'{x}' # c\n```\n\n```css\na.b#c:hover[x] { color: red }\n```\n\n```diff\n- a\n+ b\n```");
  for (const [, cls] of sample.matchAll(/class="([^"]*)"/g)) {
    for (const c of cls!.split(" ")) assert.ok(c === "hljs" || c.startsWith("language-") || HIGHLIGHT_CLASSES.includes(c), c);
  }
});

test("GFM strikethrough, task lists and table alignment", () => {
  const html = renderMarkdown("~~old~~\n\n- [x] done\n- [ ] todo\n\n| a | b |\n|:-|-:|\n| 1 | 2 |");
  assert.match(html, /<del>old<\/del>/);
  assert.match(html, /<input type="checkbox" checked disabled> done/);
  assert.match(html, /<th align="left">a<\/th>/);
  assert.match(html, /<td align="right">2<\/td>/);
});

test("ids are prefixed against DOM clobbering and footnote links still match", () => {
  const html = renderMarkdown("Claim[^1]\n\n[^1]: Source");
  const href = html.match(/href="#(user-content-fn-1)"/)?.[1];
  assert.ok(href);
  assert.ok(html.includes(`id="${href}"`));
  assert.doesNotMatch(html, /user-content-user-content-/);
});

test("comment renderer flattens block syntax but keeps inline formatting", () => {
  const html = renderCommentMarkdown(
    "# heading\n\n- list item\n\n> quote\n\n| a | b |\n|-|-|\n| 1 | 2 |\n\n![alt text](https://x.example/i.png)\n\nUse `npm ci`, see [docs](https://example.com), *em* **strong** ~~gone~~",
  );
  assert.doesNotMatch(html, /<(h\d|ul|ol|li|blockquote|table|tr|td|img|pre)\b/);
  for (const text of ["heading", "list item", "quote", "alt text"]) assert.ok(html.includes(text), text);
  assert.match(html, /<code>npm ci<\/code>/);
  assert.match(html, /<a href="https:\/\/example\.com" rel="nofollow ugc noopener">docs<\/a>/);
  assert.match(html, /<em>em<\/em> <strong>strong<\/strong> <del>gone<\/del>/);
  assert.ok(html.startsWith("<p>") && html.endsWith("</p>"));
});

test("excerpt strips markdown syntax and cuts at a word boundary with …", () => {
  const excerpt = excerptFromMarkdown(flagshipThread.answer.bodyMd, 120);
  assert.ok(excerpt.endsWith("…"));
  assert.ok(Array.from(excerpt).length <= 120);
  assert.doesNotMatch(excerpt, /\*\*|\||#|\n|\s{2}/);
  assert.ok(excerpt.startsWith("🌐 Understanding the Client-Server Model The Client-Server model"));
  const body = excerpt.slice(0, -1);
  assert.ok(flagshipThread.answer.bodyMd.includes(body.split(" ").at(-1) + " "), "cut mid-word");

  const table = excerptFromMarkdown("| Feature | Model |\n|-|-|\n| **A** | b |");
  assert.equal(table, "Feature Model A b");
  assert.equal(excerptFromMarkdown("short *text*"), "short text");
});
