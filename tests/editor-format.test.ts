/** The editor toolbar's text edits (lib/enhance/format-text.ts), without a browser. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { TOOLBAR, type Edit } from "../lib/enhance/format-text";

/** Runs a button on `text` with the selection marked by [ and ]; returns the result marked the same way. */
function run(name: string, marked: string): string {
  const start = marked.indexOf("[");
  const end = marked.indexOf("]") - 1;
  const value = marked.replace("[", "").replace("]", "");
  const edit: Edit = TOOLBAR.find((b) => b.name === name)!.format!(value, start, end);
  const out = value.slice(0, edit.from) + edit.insert + value.slice(edit.to);
  return `${out.slice(0, edit.selectFrom)}[${out.slice(edit.selectFrom, edit.selectTo)}]${out.slice(edit.selectTo)}`;
}

test("bold and inline code wrap the selection, or a placeholder ready to be typed over", () => {
  assert.equal(run("bold", "a [word] here"), "a **[word]** here");
  assert.equal(run("bold", "a [] here"), "a **[bold text]** here");
  assert.equal(run("code", "run [ls -l] now"), "run `[ls -l]` now");
});

test("code over several lines becomes a fenced block on lines of its own", () => {
  assert.equal(run("code", "Try:[a = 1\nb = 2]"), "Try:\n\n```\n[a = 1\nb = 2]\n```\n");
  assert.equal(run("code", "[x\ny\n]"), "```\n[x\ny]\n```\n");
});

test("link selects the address to type, or the text when the selection is an address", () => {
  assert.equal(run("link", "see [the docs]"), "see [the docs]([https://])");
  assert.equal(run("link", "see [https://example.org/a]"), "see [[link text]](https://example.org/a)");
});

test("list and quote prefix every touched line, and a second press takes the prefix off", () => {
  assert.equal(run("list", "intro\n[one\ntwo]\nend"), "intro\n[- one\n- two]\nend");
  assert.equal(run("list", "[- one\n- two]"), "[one\ntwo]");
  assert.equal(run("quote", "he said [so]"), "[> he said so]");
  assert.equal(run("quote", "x\n[]"), "x\n> []");
});

test("table inserts a two-column table on its own lines with the first header selected", () => {
  assert.equal(run("table", "Compare:[]"), "Compare:\n\n| [Column] | Column |\n| --- | --- |\n| Cell | Cell |\n");
});

test("every button has a label; shortcuts are distinct", () => {
  for (const b of TOOLBAR) assert.ok(b.label && b.text && (b.format || b.name), b.name);
  const keys = TOOLBAR.flatMap((b) => (b.shortcut ? [`${b.shortcut.code}${b.shortcut.shift ? "+shift" : ""}`] : []));
  assert.equal(new Set(keys).size, keys.length);
});
