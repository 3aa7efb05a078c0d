/**
 * The editor toolbar's buttons (components/html/markdown-editor.tsx renders them, in this
 * order; lib/enhance/editor.ts runs them) and what each does to the text. One list: a new
 * button is one more entry, with its `format` (or, for a button that does more than rewrite
 * the text, such as picking an image, its own handler in lib/enhance/editor.ts under `name`).
 * Shortcuts are GitHub's, typed with Ctrl (Cmd on a Mac) in the field; `code` is the
 * KeyboardEvent.code of the key.
 */
export type Edit = { from: number; to: number; insert: string; selectFrom: number; selectTo: number };
type Format = (value: string, start: number, end: number) => Edit;
export type ToolbarButton = { name: string; label: string; text: string; shortcut?: { code: string; shift?: boolean; keys: string }; format?: Format };

/** Wraps the selection (or a placeholder, selected so that typing replaces it). */
const wrap =
  (mark: string, placeholder: string): Format =>
  (value, start, end) => {
    const inner = value.slice(start, end) || placeholder;
    return { from: start, to: end, insert: `${mark}${inner}${mark}`, selectFrom: start + mark.length, selectTo: start + mark.length + inner.length };
  };

const lineStart = (value: string, at: number) => value.lastIndexOf("\n", at - 1) + 1;
const lineEnd = (value: string, at: number) => (value.indexOf("\n", at) === -1 ? value.length : value.indexOf("\n", at));

/** Every line the selection touches starts with `prefix`, or, when all already do, none does. */
const prefixLines =
  (prefix: string): Format =>
  (value, start, end) => {
    const from = lineStart(value, start);
    const to = lineEnd(value, Math.max(start, end - (end > start && value[end - 1] === "\n" ? 1 : 0)));
    const lines = value.slice(from, to).split("\n");
    const all = lines.every((l) => l.startsWith(prefix));
    const insert = lines.map((l) => (all ? l.slice(prefix.length) : prefix + l)).join("\n");
    return { from, to, insert, selectFrom: start === end ? from + insert.length : from, selectTo: from + insert.length };
  };

/** A block of its own lines: a blank line before it unless at the start, and one after. */
function block(value: string, start: number, end: number, text: string, select: [number, number]): Edit {
  const before = start === 0 ? "" : value.slice(0, start).endsWith("\n\n") ? "" : value[start - 1] === "\n" ? "\n" : "\n\n";
  const after = value.slice(end).startsWith("\n") ? "" : "\n";
  const at = start + before.length;
  return { from: start, to: end, insert: `${before}${text}${after}`, selectFrom: at + select[0], selectTo: at + select[1] };
}

const code: Format = (value, start, end) => {
  const selected = value.slice(start, end);
  if (!selected.includes("\n")) return wrap("`", "code")(value, start, end);
  const text = `\`\`\`\n${selected.replace(/\n$/, "")}\n\`\`\``;
  return block(value, start, end, text, [4, text.length - 4]);
};

const link: Format = (value, start, end) => {
  const selected = value.slice(start, end);
  if (/^https?:\/\/\S+$/.test(selected)) {
    return { from: start, to: end, insert: `[link text](${selected})`, selectFrom: start + 1, selectTo: start + 10 };
  }
  const text = selected || "link text";
  const url = start + text.length + 3;
  return { from: start, to: end, insert: `[${text}](https://)`, selectFrom: url, selectTo: url + 8 };
};

const table: Format = (value, start, end) => {
  const text = "| Column | Column |\n| --- | --- |\n| Cell | Cell |";
  return block(value, start, end, text, [2, 8]);
};

export const TOOLBAR: ToolbarButton[] = [
  { name: "bold", label: "Bold", text: "B", shortcut: { code: "KeyB", keys: "B" }, format: wrap("**", "bold text") },
  { name: "code", label: "Code", text: "Code", shortcut: { code: "KeyE", keys: "E" }, format: code },
  { name: "link", label: "Link", text: "Link", shortcut: { code: "KeyK", keys: "K" }, format: link },
  { name: "list", label: "Bulleted list", text: "List", shortcut: { code: "Digit8", shift: true, keys: "Shift+8" }, format: prefixLines("- ") },
  { name: "quote", label: "Quote", text: "Quote", shortcut: { code: "Period", shift: true, keys: "Shift+." }, format: prefixLines("> ") },
  { name: "table", label: "Table", text: "Table", format: table },
];
