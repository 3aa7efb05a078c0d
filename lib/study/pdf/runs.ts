/**
 * Text split into runs that one font each can draw (fonts.ts picks the font per grapheme), so
 * an emoji inside a sentence is drawn by the emoji font and the words around it by Noto Sans.
 * Graphemes, not code points: an emoji with its variation selector, skin tone or zero-width
 * joiners stays whole, and the emoji font's own substitutions draw the sequence.
 */
import { fontForGrapheme, type TextStyle } from "./fonts";

export type Run = { text: string; font: string };

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
// Printable ASCII is one grapheme a character, all in the style's first (Latin) font: most
// text takes this path, without the segmenter, which is most of the cost otherwise.
const ASCII = /^[\x20-\x7e]+$/;

function push(runs: Run[], text: string, font: string): void {
  const last = runs[runs.length - 1];
  if (last && last.font === font) last.text += text;
  else runs.push({ text, font });
}

export function splitRuns(text: string, style: TextStyle): Run[] {
  const runs: Run[] = [];
  for (const part of text.split(/([\x20-\x7e]+)/)) {
    if (part === "") continue;
    if (ASCII.test(part)) push(runs, part, fontForGrapheme("a", style));
    else for (const { segment } of graphemes.segment(part)) push(runs, segment, fontForGrapheme(segment, style));
  }
  return runs;
}
