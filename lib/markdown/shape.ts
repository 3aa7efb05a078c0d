/**
 * A linear look at Markdown before it is parsed, for the one shape that is refused outright:
 * containers (block quotes and list items) opened deeper than anyone writes. Parsing them costs
 * time and stack in proportion to depth times lines (a list nested 5,000 deep in 10 kB took
 * 23 s and then overflowed the stack). Other slow inputs are stopped by the render deadline
 * (lib/markdown/render.ts), which needs no list of them.
 */
export const MAX_NESTING = 24;

// A list item's marker: "-", "+" or "*", or up to nine digits and "." or ")", then a space or
// the end of the line.
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/** How many containers open at the start of one line: "> > - 1. text" opens four. */
export function containersOpenedBy(line: string): number {
  let depth = 0;
  let at = 0;
  for (;;) {
    while (line[at] === " " || line[at] === "\t") at++;
    if (line[at] === ">") {
      depth++;
      at++;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(at, at + 11));
    if (!marker) return depth;
    depth++;
    at += marker[0].length;
  }
}

/** Why `source` is refused before parsing, or null. */
export function markdownShapeProblem(source: string): string | null {
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf("\n", start);
    if (end === -1) end = source.length;
    if (containersOpenedBy(source.slice(start, end)) > MAX_NESTING) {
      return `Quotes and lists nest at most ${MAX_NESTING} levels deep here.`;
    }
    start = end + 1;
  }
  return null;
}
