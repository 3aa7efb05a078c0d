/**
 * Plain text from a post's stored HTML (made by the sanitizer, lib/markdown), for places that
 * take text, not markup: JSON-LD, meta descriptions, feed summaries. Tags become spaces where
 * they separate words (blocks, line breaks), character references are decoded.
 */

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const BLOCK_BOUNDARY = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|pre|blockquote|tr|td|th|table|thead|tbody|hr)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  return decodeEntities(html.replace(BLOCK_BOUNDARY, " ").replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis when it was longer. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}

/** A question's meta description: its text (the excerpt lists show), at most about 155 characters. */
export function questionDescription(question: { title: string; excerpt?: string | null; bodyHtml: string }): string {
  return truncateText(question.excerpt || htmlToText(question.bodyHtml) || question.title, 155);
}
