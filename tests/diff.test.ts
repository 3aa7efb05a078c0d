import assert from "node:assert/strict";
import { test } from "node:test";
import { RevisionList } from "../components/revision-list";
import { diffLines, splitLines } from "../lib/diff";

test("an unchanged last line is unchanged, whatever ends the other lines (a form's CRLF, a script's LF)", () => {
  assert.deepEqual(diffLines("first line\r\nlast line", "first line\r\nadded line\r\nlast line"), [
    { kind: "same", text: "first line" },
    { kind: "added", text: "added line" },
    { kind: "same", text: "last line" },
  ]);
  assert.deepEqual(diffLines("one\ntwo", "one\r\ntwo\r\n"), [
    { kind: "same", text: "one" },
    { kind: "same", text: "two" },
  ]);
  assert.deepEqual(diffLines("a\nb", "a\nc"), [
    { kind: "same", text: "a" },
    { kind: "removed", text: "b" },
    { kind: "added", text: "c" },
  ]);
  assert.deepEqual(splitLines("x\r\n\r\ny"), ["x", "", "y"]);
  assert.deepEqual(splitLines(""), [""]);
});

/** Every element of a React tree (not rendered: the components' own output is not needed here). */
function* walk(node: unknown): Generator<{ type?: unknown; props: { className?: string; children?: unknown } }> {
  if (Array.isArray(node)) for (const n of node) yield* walk(n);
  else if (node && typeof node === "object" && "props" in node) {
    yield node as { props: { className?: string; children?: unknown } };
    yield* walk((node as { props: { children?: unknown } }).props.children);
  }
}

const textOf = (node: unknown): string => (Array.isArray(node) ? node.map(textOf).join("") : typeof node === "string" || typeof node === "number" ? String(node) : node && typeof node === "object" && "props" in node ? textOf((node as { props: { children?: unknown } }).props.children) : "");

test("the history shows each line once, with no blank line between (each line is its own block)", () => {
  const at = new Date("2026-01-01T00:00:00Z");
  const tree = RevisionList({
    revisions: [
      { id: 1, title: "T", bodyMd: "alpha\r\nbeta", createdAt: at, summary: null, editor: { username: "ann" } },
      { id: 2, title: "T", bodyMd: "alpha\r\nbeta\r\ngamma", createdAt: at, summary: null, editor: { username: "bob" } },
    ],
  });
  const pres = [...walk(tree)].filter((e) => e.type === "pre");
  const newest = pres[0]!;
  assert.ok(!textOf(newest).includes("\n"), "no newline inside the block lines (pre-wrap would double them)");
  const lines = [...walk(newest.props.children)].filter((e) => e.type === "span").map((e) => `${e.props.className}:${textOf(e)}`);
  assert.deepEqual(lines, ["diff-same:  alpha", "diff-same:  beta", "diff-added:+ gamma"]);
});
