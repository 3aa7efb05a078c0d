import assert from "node:assert/strict";
import { test } from "node:test";
import { renderCommentMarkdown, renderMarkdown, renderQuestionMarkdown } from "../lib/markdown/pipeline";
import { renderMarkdownAs } from "../lib/markdown/render";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { member } from "./helpers/fixtures";

const members = { alice: "Alice", "bob.": "bob.", carol: "carol" };

test("@name of a member becomes a link to their page, as written, in posts, questions and comments", () => {
  assert.equal(renderMarkdown("Thanks @alice, see above.", { mentions: members }), '<p>Thanks <a href="/users/Alice" class="mention">@alice</a>, see above.</p>');
  assert.match(renderQuestionMarkdown("Asking @carol here", undefined, { mentions: members }).html, /<a href="\/users\/carol" class="mention">@carol<\/a>/);
  assert.equal(renderCommentMarkdown("**@Alice** agreed", { mentions: members }), '<p><strong><a href="/users/Alice" class="mention">@Alice</a></strong> agreed</p>');
  // At a sentence's end: a member named "bob." exists, so that is the one meant.
  assert.match(renderMarkdown("ask @bob.", { mentions: members }), /<a href="\/users\/bob\." class="mention">@bob\.<\/a>/);
  // "carol" exists but "carol." does not: the link stops before the full stop.
  assert.match(renderMarkdown("ask @carol.", { mentions: members }), /<a href="\/users\/carol" class="mention">@carol<\/a>\.<\/p>/);
});

test("no link in code, in links, for addresses or for names that are not members", () => {
  const html = renderMarkdown("`@alice` and\n\n```\n@alice\n```\n\n[hi @alice](https://x.example) mail alice@alice.example, @dave", { mentions: members });
  assert.ok(!html.includes('class="mention"'), html);
  assert.equal(renderMarkdown("Thanks @alice", {}), "<p>Thanks @alice</p>", "without the lookup, text");
});

test("a mention cannot smuggle markup: raw HTML around it is still sanitized", () => {
  const html = renderMarkdown('<a href="javascript:alert(1)">@alice</a> <img src=x onerror=alert(1)> @alice', { mentions: members });
  assert.ok(!/javascript:|onerror/.test(html), html);
  // Raw HTML is dropped (its text stays), so both mentions are plain text made links.
  assert.equal((html.match(/<a href="\/users\/Alice" class="mention">@alice<\/a>/g) ?? []).length, 2);
});

test("on the way in, the forum looks up who is a member and the workers link them", async () => {
  await openTestDatabase();
  try {
    const m = await member();
    const { html } = await renderMarkdownAs("post", `Hello @${m.username} and @nobody_${m.username}`);
    assert.match(html, new RegExp(`<a href="/users/${m.username}" class="mention">@${m.username}</a> and @nobody_`));
  } finally {
    await closeTestDatabase();
  }
});
