/**
 * A post's blocks (blocks.ts) drawn by the writer: the sizes and spacing of the study sheet's
 * PDF, the same hierarchy as the print stylesheet (components/html/styles/study.css).
 */
import type { Block, Span } from "./blocks";
import { COLORS, lineHeightFor, type PdfWriter } from "./writer";

export const SIZES = { body: 10.5, small: 8.5, code: 8.5, table: 9, headings: [17, 14, 12.5, 11.5, 11, 11] };

const LIST_INDENT = 16;
const CELL_PAD = 4;

/** Links print their address after the text, when the text does not already say it. */
function withAddresses(spans: Span[]): Span[] {
  const out: Span[] = [];
  spans.forEach((span, i) => {
    out.push(span);
    const next = spans[i + 1];
    if (!span.href || next?.href === span.href) return;
    const text = spans.filter((s) => s.href === span.href).map((s) => s.text).join("");
    if (text.trim() === span.href || text.trim() === span.href.replace(/^https?:\/\//, "")) return;
    out.push({ text: ` (${span.href})`, italic: true });
  });
  return out;
}

export function drawBlocks(w: PdfWriter, blocks: Block[], indent = 0): void {
  blocks.forEach((block, i) => {
    if (i > 0) w.gap(block.kind === "heading" ? 6 : 4);
    drawBlock(w, block, indent);
  });
}

function drawBlock(w: PdfWriter, block: Block, indent: number): void {
  switch (block.kind) {
    case "heading": {
      const size = SIZES.headings[block.level - 1] ?? SIZES.body;
      // A heading never ends a page: room for it and two lines of what follows.
      w.ensure(lineHeightFor(size) + 2 * lineHeightFor(SIZES.body));
      w.text(block.spans, { size, style: "bold", indent });
      return w.gap(2);
    }
    case "paragraph":
      return w.text(withAddresses(block.spans), { size: SIZES.body, indent });
    case "list":
      return drawList(w, block, indent);
    case "code":
      return drawCode(w, block.text, indent);
    case "quote": {
      const top = w.y;
      const page = w.doc.bufferedPageRange().count;
      drawBlocks(w, block.blocks, indent + 12);
      // The bar beside the quote, on the page it ended on (a quote across pages gets it there).
      const from = w.doc.bufferedPageRange().count === page ? top : w.doc.page.margins.top;
      w.doc.save().lineWidth(2).strokeColor(COLORS.rule).moveTo(w.left + indent + 3, from).lineTo(w.left + indent + 3, w.y).stroke().restore();
      return;
    }
    case "rule":
      return w.rule();
    case "table":
      return drawTable(w, block.header, block.rows, indent);
  }
}

function drawList(w: PdfWriter, list: Extract<Block, { kind: "list" }>, indent: number): void {
  list.items.forEach((item, n) => {
    if (n > 0) w.gap(2);
    const marker = list.ordered ? `${list.start + n}.` : "•";
    const [first, ...rest] = item;
    w.ensure(lineHeightFor(SIZES.body));
    const top = w.y;
    const startPages = w.doc.bufferedPageRange().count;
    if (first) drawBlocks(w, [first], indent + LIST_INDENT);
    else w.gap(lineHeightFor(SIZES.body));
    // The marker beside the item's first line (on the page that line went to).
    if (w.doc.bufferedPageRange().count === startPages) {
      const [markerLine] = w.wrap([{ text: marker }], { size: SIZES.body, width: LIST_INDENT * 2, color: COLORS.muted });
      if (markerLine) w.drawLine(markerLine, w.left + indent + LIST_INDENT - markerLine.width - 5, top, SIZES.body);
    }
    if (rest.length > 0) {
      w.gap(2);
      drawBlocks(w, rest, indent + LIST_INDENT);
    }
  });
}

function drawCode(w: PdfWriter, text: string, indent: number): void {
  const size = SIZES.code;
  const height = lineHeightFor(size);
  const width = w.width - indent - 12;
  const lines = text.split("\n").flatMap((line) => w.wrap([{ text: line.replace(/\t/g, "    ").replace(/ /g, "\u00a0"), code: true }], { size, width, style: "mono" }));
  w.gap(2);
  for (const line of lines) {
    w.ensure(height);
    w.doc.save().rect(w.left + indent, w.y, w.width - indent, height).fill(COLORS.codeFill).restore();
    w.drawLine(line, w.left + indent + 6, w.y, size, "mono");
    w.y += height;
  }
  w.gap(2);
}

type Layout = { widths: number[]; size: number };

/** Column widths as a browser's automatic table layout would share them out. */
function columnWidths(w: PdfWriter, rows: Span[][][], columns: number, total: number, size: number): number[] {
  const natural = Array<number>(columns).fill(0);
  const minimum = Array<number>(columns).fill(0);
  for (const row of rows) {
    row.forEach((cell, c) => {
      const { longestWord, oneLine } = w.widthsOf(cell, { size, style: row === rows[0] ? "bold" : "regular" });
      natural[c] = Math.max(natural[c]!, oneLine + 2 * CELL_PAD);
      minimum[c] = Math.max(minimum[c]!, Math.min(total / columns, longestWord + 2 * CELL_PAD));
    });
  }
  const naturalSum = natural.reduce((a, b) => a + b, 0);
  if (naturalSum <= total) return natural.map((n) => (n * total) / naturalSum);
  const minSum = minimum.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, total - minSum);
  const want = natural.map((n, c) => n - minimum[c]!);
  const wantSum = want.reduce((a, b) => a + b, 0) || 1;
  const widths = minimum.map((m, c) => m + (spare * want[c]!) / wantSum);
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((x) => (x * total) / sum);
}

function drawRow(w: PdfWriter, cells: Span[][], { widths, size }: Layout, x0: number, header: boolean): void {
  const laid = widths.map((width, c) => w.wrap(cells[c] ?? [], { size, width: width - 2 * CELL_PAD, style: header ? "bold" : "regular" }));
  const height = Math.max(...laid.map((lines) => lines.length)) * lineHeightFor(size) + 2 * CELL_PAD;
  if (!header) w.ensure(height);
  let x = x0;
  const top = w.y;
  const doc = w.doc;
  if (header) doc.save().rect(x0, top, widths.reduce((a, b) => a + b, 0), height).fill(COLORS.headerFill).restore();
  laid.forEach((lines, c) => {
    const width = widths[c]!;
    lines.forEach((line, l) => w.drawLine(line, x + CELL_PAD, top + CELL_PAD + l * lineHeightFor(size), size, header ? "bold" : "regular"));
    doc.save().lineWidth(0.5).strokeColor(COLORS.rule).rect(x, top, width, height).stroke().restore();
    x += width;
  });
  w.y += height;
}

/** A table; its header row again at the top of every page it continues on. */
export function drawTable(w: PdfWriter, header: Span[][], rows: Span[][][], indent = 0): void {
  const columns = Math.max(header.length, ...rows.map((r) => r.length));
  if (columns === 0) return;
  const size = SIZES.table;
  const layout: Layout = { size, widths: columnWidths(w, [header, ...rows], columns, w.width - indent, size) };
  const x0 = w.left + indent;
  const firstRow = rows[0] ? Math.max(...rows[0].map((cell) => w.wrap(cell, { size, width: 120 }).length)) : 0;
  w.ensure(2 * lineHeightFor(size) + firstRow * lineHeightFor(size) + 4 * CELL_PAD);
  w.gap(2);
  if (header.length > 0) drawRow(w, header, layout, x0, true);
  const previous = w.onNewPage;
  w.onNewPage = header.length > 0 ? () => drawRow(w, header, layout, x0, true) : null;
  for (const row of rows) drawRow(w, row, layout, x0, false);
  w.onNewPage = previous;
  w.gap(4);
}
