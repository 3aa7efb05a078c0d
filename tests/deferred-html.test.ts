import assert from "node:assert/strict";
import { test } from "node:test";
import { deferHtml, fillDeferredHtml } from "../lib/deferred-html";

const fill = (html: string) => fillDeferredHtml(Buffer.from(html)).toString("utf8");

test("deferred HTML goes into its marked element, once, in any number of places", () => {
  const a = deferHtml("<article>Ünïcode ✓ answer</article>");
  const b = deferHtml("<article>second</article>");
  const page = `<main><div class="x" data-fill="${a}"></div><p>between</p><div data-fill="${b}"></div></main>` +
    `<script>self.__next_f.push([1,"{\\"data-fill\\":\\"${a}\\"}"])</script>`;
  assert.equal(
    fill(page),
    `<main><div class="x" data-fill="${a}"><article>Ünïcode ✓ answer</article></div><p>between</p><div data-fill="${b}"><article>second</article></div></main>` +
      `<script>self.__next_f.push([1,"{\\"data-fill\\":\\"${a}\\"}"])</script>`,
  );
  // Used once: the same bytes again are left alone.
  assert.equal(fill(page), page);
});

test("deferred HTML may be given as bytes, and the same bytes serve any number of pages", () => {
  const shared = Buffer.from("<article>Ünïcode ✓ shared</article>");
  for (let i = 0; i < 2; i++) {
    const token = deferHtml(shared);
    assert.equal(fill(`<div data-fill="${token}"></div>`), `<div data-fill="${token}"><article>Ünïcode ✓ shared</article></div>`);
  }
  assert.equal(shared.toString("utf8"), "<article>Ünïcode ✓ shared</article>");
});

test("deferred HTML may be a list of strings and bytes, put in one after another", () => {
  const shared = Buffer.from("<article>shared ✓</article>");
  const token = deferHtml(["<section>", shared, "<p>mine ✓</p>", "</section>"]);
  assert.equal(fill(`<div class="thread" data-fill="${token}"></div>`), `<div class="thread" data-fill="${token}"><section><article>shared ✓</article><p>mine ✓</p></section></div>`);
});

test("only registered tokens on an empty element are filled; other pages pass unchanged", () => {
  const token = deferHtml("<b>x</b>");
  const untouched = Buffer.from(`<p>data-fill="${token}"></div> as text, <div data-fill="unknown"></div></p>`);
  assert.equal(fillDeferredHtml(untouched), untouched);
  // Not right before the element's end (another attribute follows): not ours.
  const other = Buffer.from(`<div data-fill="${token}" title="t"></div>`);
  assert.equal(fillDeferredHtml(other), other);
  assert.equal(fill(`<div data-fill="${token}"></div>`), `<div data-fill="${token}"><b>x</b></div>`);
  const plain = Buffer.from("<p>no markers at all</p>");
  assert.equal(fillDeferredHtml(plain), plain);
});
