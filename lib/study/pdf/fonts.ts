/**
 * The PDF's fonts, from npm packages (nothing is downloaded): Noto Sans, the fallback the
 * forum's own font stack ends on (app/globals.css), Noto Sans Mono for code, Noto Sans Math and
 * Symbols 2 for arrows and symbols, and the monochrome Noto Emoji. Fontsource ships each font cut into subsets by script (and the emoji
 * by ranges), as WOFF, which PDFKit reads (it does not read WOFF2). Each grapheme of a text is
 * drawn in the first font of its chain that has it: emoji in the emoji font, the rest in the
 * text font of its style, then any other; runs.ts splits texts that way.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";
import { processState } from "../../process-state";
import { woffToSfnt } from "./woff";

export type TextStyle = "regular" | "bold" | "italic" | "boldItalic" | "mono";

export type FontFile = { key: string; file: string };

const SCRIPTS = ["latin", "latin-ext", "greek", "greek-ext", "cyrillic", "cyrillic-ext", "vietnamese"];
const EMOJI_RANGES = ["emoji", ...Array.from({ length: 11 }, (_, i) => String(i))];

const cuts: Record<Exclude<TextStyle, "mono">, string> = { regular: "400-normal", bold: "700-normal", italic: "400-italic", boldItalic: "700-italic" };

const require = createRequire(import.meta.url);
const filesOf = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "files");

function textChain(style: TextStyle): FontFile[] {
  if (style === "mono") return SCRIPTS.map((s) => ({ key: `mono-${s}`, file: path.join(filesOf("@fontsource/noto-sans-mono"), `noto-sans-mono-${s}-400-normal.woff`) }));
  return SCRIPTS.map((s) => ({ key: `sans-${cuts[style]}-${s}`, file: path.join(filesOf("@fontsource/noto-sans"), `noto-sans-${s}-${cuts[style]}.woff`) }));
}

// Arrows, math and other symbols Noto Sans leaves out ("client → server", "≤", "✓").
const symbolChain = (): FontFile[] => [
  { key: "math-latin", file: path.join(filesOf("@fontsource/noto-sans-math"), "noto-sans-math-latin-400-normal.woff") },
  ...["symbols", "math", "latin", "latin-ext"].map((s) => ({ key: `symbols2-${s}`, file: path.join(filesOf("@fontsource/noto-sans-symbols-2"), `noto-sans-symbols-2-${s}-400-normal.woff`) })),
];

const emojiChain = (): FontFile[] => EMOJI_RANGES.map((r) => ({ key: `emoji-${r}`, file: path.join(filesOf("@fontsource/noto-emoji"), `noto-emoji-${r}-400-normal.woff`) }));

type Loaded = { file: FontFile; font: fontkit.Font };

// Read and parsed once per process: for PDFKit to embed, and to ask what they cover.
const held = processState<{ fonts: Map<string, Loaded> }>("study-pdf-fonts", () => ({ fonts: new Map() }));

function load(file: FontFile): Loaded {
  let loaded = held.fonts.get(file.key);
  if (!loaded) {
    const bytes = woffToSfnt(fs.readFileSync(file.file));
    loaded = { file, font: fontkit.create(bytes) as fontkit.Font };
    held.fonts.set(file.key, loaded);
  }
  return loaded;
}

/**
 * The parsed font for PDFKit to embed (it takes fontkit's objects as they are): parsing its
 * layout tables again for every document was most of a PDF's cost.
 */
export const parsedFont = (key: string): fontkit.Font => {
  const loaded = held.fonts.get(key);
  if (!loaded) throw new Error(`Font ${key} was never looked up.`);
  return loaded.font;
};

// Drawn as emoji: what shows as emoji by default, or is asked to (U+FE0F); "©" or "↔" alone are text.
const EMOJI = /\p{Emoji_Presentation}|\ufe0f|\p{Regional_Indicator}|\u20e3/u;

const chosen = new Map<string, string>();

/** The key of the font to draw one grapheme in, for a span of `style`. */
export function fontForGrapheme(grapheme: string, style: TextStyle): string {
  const memo = `${style}\u0000${grapheme}`;
  let key = chosen.get(memo);
  if (key === undefined) {
    key = pickFont(grapheme, style);
    if (chosen.size < 20_000) chosen.set(memo, key);
  }
  return key;
}

function pickFont(grapheme: string, style: TextStyle): string {
  const first = grapheme.codePointAt(0) ?? 32;
  const emoji = EMOJI.test(grapheme);
  const chains = emoji ? [emojiChain(), textChain(style), textChain("regular"), symbolChain()] : [textChain(style), textChain("regular"), symbolChain(), textChain("mono"), emojiChain()];
  for (const chain of chains) {
    for (const file of chain) if (load(file).font.hasGlyphForCodePoint(first)) return file.key;
  }
  // No font has it: the text font's "missing glyph" box says so, as a browser would.
  return load(textChain(style)[0]!).file.key;
}
