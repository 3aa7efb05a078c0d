/**
 * Lays text out on PDF pages with PDFKit, line by line: the writer wraps words itself (each word
 * may hold runs in several fonts: runs.ts) so that it knows every line's height before drawing
 * it, which keeps headings with what follows, repeats a table's header on a new page and never
 * cuts a table row or a line in two.
 */
import PDFDocument from "pdfkit";
import { processState } from "../../process-state";
import { parsedFont, type TextStyle } from "./fonts";
import { splitRuns } from "./runs";
import type { Span } from "./blocks";

export const COLORS = { text: "#1a1d21", muted: "#5b6470", link: "#1f5fbf", rule: "#c3c9d2", headerFill: "#eef1f5", codeFill: "#f3f4f6", good: "#1d7a46" };

type Piece = { text: string; font: string; width: number; href?: string; strike?: boolean; color: string };
type Word = { pieces: Piece[]; width: number };
export type Line = { words: Word[]; width: number };
type Item = Word | "break";

export type TextOptions = { size: number; color?: string; style?: TextStyle; indent?: number; width?: number };

const styleOf = (span: Span, base: TextStyle): TextStyle => {
  if (span.code) return "mono";
  const bold = span.bold || base === "bold" || base === "boldItalic";
  const italic = span.italic || base === "italic" || base === "boldItalic";
  return bold && italic ? "boldItalic" : bold ? "bold" : italic ? "italic" : base;
};

const MAX_MEASURED = 50_000;
const measured = processState<Map<string, number>>("study-pdf-widths", () => new Map());

export const lineHeightFor = (size: number) => size * 1.45;

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  y: number;
  private registered = new Set<string>();
  /** Called after a page break, to draw what must repeat (a table's header). */
  onNewPage: (() => void) | null = null;

  constructor(options: PDFKit.PDFDocumentOptions) {
    this.doc = new PDFDocument({ ...options, font: null as unknown as string, bufferPages: true });
    this.y = this.doc.page.margins.top;
  }

  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  useFont(key: string, size: number): void {
    if (!this.registered.has(key)) {
      this.doc.registerFont(key, parsedFont(key) as unknown as Buffer);
      this.registered.add(key);
    }
    this.doc.font(key).fontSize(size);
  }

  measure(text: string, font: string, size: number): number {
    // Widths depend only on the font, size and text: kept for the process, across documents.
    const memo = `${font}|${size}|${text}`;
    let width = measured.get(memo);
    if (width === undefined) {
      this.useFont(font, size);
      width = this.doc.widthOfString(text);
      if (measured.size >= MAX_MEASURED) measured.clear();
      measured.set(memo, width);
    }
    return width;
  }

  /** Room for `height` more points on this page, or a new page (true when one was started). */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom || this.y <= this.doc.page.margins.top) return false;
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
    this.onNewPage?.();
    return true;
  }

  /** Spans as words (a word may mix fonts and styles) and hard breaks. */
  private items(spans: Span[], { size, color = COLORS.text, style = "regular" }: TextOptions): Item[] {
    const items: Item[] = [];
    let word: Word | null = null;
    for (const span of spans) {
      const spanStyle = styleOf(span, style);
      for (const part of span.text.split(/(\n|[ \t\r\f]+)/)) {
        if (part === "") continue;
        if (part === "\n" || /^\s+$/.test(part)) {
          word = null;
          if (part === "\n") items.push("break");
          continue;
        }
        if (!word) items.push((word = { pieces: [], width: 0 }));
        for (const run of splitRuns(part, spanStyle)) {
          const width = this.measure(run.text, run.font, size);
          word.pieces.push({ text: run.text, font: run.font, width, href: span.href, strike: span.strike, color: span.href ? COLORS.link : color });
          word.width += width;
        }
      }
    }
    return items;
  }

  /** A word wider than the line, cut between graphemes into pieces that fit. */
  private cutWord(word: Word, width: number, size: number): Word[] {
    const out: Word[] = [];
    let current: Word = { pieces: [], width: 0 };
    const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
    for (const piece of word.pieces) {
      for (const { segment } of segmenter.segment(piece.text)) {
        const w = this.measure(segment, piece.font, size);
        if (current.width + w > width && current.pieces.length > 0) {
          out.push(current);
          current = { pieces: [], width: 0 };
        }
        const last = current.pieces[current.pieces.length - 1];
        if (last && last.font === piece.font && last.href === piece.href) {
          last.text += segment;
          last.width += w;
        } else current.pieces.push({ ...piece, text: segment, width: w });
        current.width += w;
      }
    }
    if (current.pieces.length > 0) out.push(current);
    return out;
  }

  /** The widest word of a text, and its width on one line: what a table column needs at least and would like. */
  widthsOf(spans: Span[], options: TextOptions): { longestWord: number; oneLine: number } {
    const space = this.measure(" ", splitRuns(" ", options.style ?? "regular")[0]!.font, options.size);
    let longestWord = 0;
    let oneLine = 0;
    let words = 0;
    for (const item of this.items(spans, options)) {
      if (item === "break") continue;
      longestWord = Math.max(longestWord, item.width);
      oneLine += item.width + (words++ > 0 ? space : 0);
    }
    return { longestWord, oneLine };
  }

  /** Greedy line filling, breaking at spaces (and inside words longer than a line). */
  wrap(spans: Span[], options: TextOptions & { width: number }): Line[] {
    const space = this.measure(" ", splitRuns(" ", options.style ?? "regular")[0]!.font, options.size);
    const lines: Line[] = [];
    let line: Line = { words: [], width: 0 };
    for (const item of this.items(spans, options)) {
      if (item === "break") {
        lines.push(line);
        line = { words: [], width: 0 };
        continue;
      }
      for (const word of item.width > options.width ? this.cutWord(item, options.width, options.size) : [item]) {
        const add = line.words.length > 0 ? space + word.width : word.width;
        if (line.width + add > options.width && line.words.length > 0) {
          lines.push(line);
          line = { words: [word], width: word.width };
        } else {
          line.words.push(word);
          line.width += add;
        }
      }
    }
    if (line.words.length > 0 || lines.length === 0) lines.push(line);
    return lines;
  }

  /** One line with its top at `top`; words separated by the text font's space. */
  drawLine(line: Line, x: number, top: number, size: number, style: TextStyle = "regular"): void {
    const baseline = top + lineHeightFor(size) * 0.5 + size * 0.35;
    const space = this.measure(" ", splitRuns(" ", style)[0]!.font, size);
    let at = x;
    for (const word of line.words) {
      for (const piece of word.pieces) {
        this.useFont(piece.font, size);
        this.doc.fillColor(piece.color).text(piece.text, at, baseline, { lineBreak: false, baseline: "alphabetic" });
        if (piece.href) {
          this.doc.link(at, top, piece.width, lineHeightFor(size), piece.href);
          this.doc.save().lineWidth(0.5).strokeColor(piece.color).moveTo(at, baseline + 1.5).lineTo(at + piece.width, baseline + 1.5).stroke().restore();
        }
        if (piece.strike) this.doc.save().lineWidth(0.6).strokeColor(piece.color).moveTo(at, baseline - size * 0.3).lineTo(at + piece.width, baseline - size * 0.3).stroke().restore();
        at += piece.width;
      }
      at += space;
    }
  }

  /** Wrapped text in the flow, breaking pages between lines. */
  text(spans: Span[], options: TextOptions): void {
    const indent = options.indent ?? 0;
    const width = (options.width ?? this.width) - indent;
    const height = lineHeightFor(options.size);
    for (const line of this.wrap(spans, { ...options, width })) {
      this.ensure(height);
      this.drawLine(line, this.left + indent, this.y, options.size, options.style);
      this.y += height;
    }
  }

  gap(points: number): void {
    this.y += points;
  }

  rule(color = COLORS.rule): void {
    this.ensure(8);
    this.doc.save().lineWidth(0.6).strokeColor(color).moveTo(this.left, this.y + 4).lineTo(this.left + this.width, this.y + 4).stroke().restore();
    this.y += 8;
  }

  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on("data", (c: Buffer) => chunks.push(c));
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
      this.doc.end();
    });
  }
}
