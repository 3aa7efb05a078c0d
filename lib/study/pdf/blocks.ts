/**
 * A rendered post (its HAST: ../post-tree.ts) as the blocks the PDF lays out: headings,
 * paragraphs, lists, code, quotes, rules and tables, each holding styled spans of text. Only
 * what the sanitizer lets through can appear (lib/markdown/pipeline.ts); anything else is read
 * as its text, so nothing a post says is lost.
 */
import type { Element, ElementContent, Root } from "../post-tree";

export type Span = { text: string; bold?: boolean; italic?: boolean; code?: boolean; strike?: boolean; href?: string };

export type Block =
  | { kind: "heading"; level: number; spans: Span[] }
  | { kind: "paragraph"; spans: Span[] }
  | { kind: "list"; ordered: boolean; start: number; items: Block[][] }
  | { kind: "code"; text: string }
  | { kind: "quote"; blocks: Block[] }
  | { kind: "rule" }
  | { kind: "table"; header: Span[][]; rows: Span[][][] };

type Style = Omit<Span, "text">;

const BLOCK_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "blockquote", "hr", "table", "div", "section", "details", "li"]);

function inlineSpans(nodes: ElementContent[], style: Style, out: Span[] = []): Span[] {
  for (const node of nodes) {
    if (node.type === "text") {
      out.push({ ...style, text: node.value });
      continue;
    }
    if (node.type !== "element") continue;
    const tag = node.tagName;
    if (tag === "br") out.push({ ...style, text: "\n" });
    else if (tag === "img") out.push({ ...style, text: String(node.properties.alt ?? "") });
    else if (tag === "input") out.push({ ...style, text: node.properties.checked ? "[x] " : "[ ] " });
    else {
      const next: Style = { ...style };
      if (tag === "strong" || tag === "b") next.bold = true;
      if (tag === "em" || tag === "i") next.italic = true;
      if (tag === "code") next.code = true;
      if (tag === "del" || tag === "s") next.strike = true;
      if (tag === "a" && typeof node.properties.href === "string" && !node.properties.href.startsWith("#")) next.href = node.properties.href;
      inlineSpans(node.children, next, out);
    }
  }
  return out;
}

/** Whether a run of spans has anything to show (Markdown leaves newlines between blocks). */
const hasText = (spans: Span[]) => spans.some((s) => s.text.trim() !== "");

function cellRows(table: Element): { header: Span[][]; rows: Span[][][] } {
  const rows: { head: boolean; cells: Span[][] }[] = [];
  const visit = (el: Element, head: boolean) => {
    for (const child of el.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "tr") {
        const cells = child.children.filter((c): c is Element => c.type === "element" && (c.tagName === "td" || c.tagName === "th"));
        rows.push({ head, cells: cells.map((c) => trimSpans(inlineSpans(c.children, c.tagName === "th" ? { bold: true } : {}))) });
      } else visit(child, head || child.tagName === "thead");
    }
  };
  visit(table, false);
  const headRows = rows.filter((r) => r.head);
  const header = headRows[0]?.cells ?? [];
  return { header, rows: rows.filter((r) => r !== headRows[0]).map((r) => r.cells) };
}

function trimSpans(spans: Span[]): Span[] {
  const out = spans.map((s) => ({ ...s }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, "");
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, "");
  return out.filter((s) => s.text !== "");
}

/** The blocks of a list of nodes; loose inline content between blocks becomes a paragraph. */
export function blocksOf(nodes: (ElementContent | Root["children"][number])[]): Block[] {
  const blocks: Block[] = [];
  let loose: ElementContent[] = [];
  const flush = () => {
    const spans = trimSpans(inlineSpans(loose, {}));
    if (hasText(spans)) blocks.push({ kind: "paragraph", spans });
    loose = [];
  };
  for (const node of nodes) {
    if (node.type === "text") {
      loose.push(node);
      continue;
    }
    if (node.type !== "element") continue;
    if (!BLOCK_TAGS.has(node.tagName)) {
      loose.push(node);
      continue;
    }
    flush();
    const tag = node.tagName;
    if (/^h[1-6]$/.test(tag)) blocks.push({ kind: "heading", level: Number(tag[1]), spans: trimSpans(inlineSpans(node.children, { bold: true })) });
    else if (tag === "p") {
      const spans = trimSpans(inlineSpans(node.children, {}));
      if (hasText(spans)) blocks.push({ kind: "paragraph", spans });
    } else if (tag === "ul" || tag === "ol") {
      const items = node.children.filter((c): c is Element => c.type === "element" && c.tagName === "li").map((li) => blocksOf(li.children));
      blocks.push({ kind: "list", ordered: tag === "ol", start: Number(node.properties.start) || 1, items });
    } else if (tag === "pre") blocks.push({ kind: "code", text: inlineSpans(node.children, {}).map((s) => s.text).join("").replace(/\n$/, "") });
    else if (tag === "blockquote") blocks.push({ kind: "quote", blocks: blocksOf(node.children) });
    else if (tag === "hr") blocks.push({ kind: "rule" });
    else if (tag === "table") blocks.push({ kind: "table", ...cellRows(node) });
    else blocks.push(...blocksOf(node.children));
  }
  flush();
  return blocks;
}
