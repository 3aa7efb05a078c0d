/**
 * Row l (issue 25): Markdown built to be slow, sent to the live preview (POST /api/preview)
 * while signed-out readers load the cached thread. The shapes no one writes are refused before
 * parsing (lib/markdown/shape.ts); the rest run in a worker with a deadline, which ends its
 * worker when it runs out (server/markdown-workers.ts). The server process, worker threads
 * included, is pinned to one core, so a worker's work and a fresh worker's start take CPU time
 * the readers would otherwise have: their p99 is the figure that shows it.
 */
import type { PreviewsResult } from "./cannon";
import { targets, type Row } from "./rows";

export const HOSTILE_MARKDOWN = [
  { label: "list nested 5,000 deep", markdown: `${"- ".repeat(5000)}x` },
  { label: "mixed emphasis *_a x4,700", markdown: "*_a".repeat(4700) },
  { label: "setext headings a\\n=\\n x5,000", markdown: "a\n=\n".repeat(5000) },
  { label: "quotes nested 10,000 deep", markdown: "> ".repeat(10000) },
];

/** Sent after each hostile text: how long the next writer waits (a fresh worker, if one was ended). */
export const PLAIN_MARKDOWN = "A plain preview: **bold**, `ss -ti`, and a [link](https://example.com/).";

const firstSentence = (s: string) => (s.split(/(?<=[.:])\s/)[0] ?? s).slice(0, 60);

export function hostileMarkdownRows(r: PreviewsResult): Row[] {
  const without = `${r.without.p99.toFixed(1)} ms without (${r.without.count} reads)`;
  return r.previews.map((p) => {
    const answer = `${p.status} in ${p.ms.toFixed(0)} ms${p.reason ? ` ("${firstSentence(p.reason)}")` : ""}`;
    const plain = `the plain preview after it: ${p.plainStatus} in ${p.plainMs.toFixed(0)} ms`;
    const readers = `readers' p99 ${p.readers.p99.toFixed(1)} ms during (${p.readers.count} reads) vs ${without}`;
    return {
      scenario: `l. Markdown worst case: ${p.label}`,
      p50: p.readers.p50,
      p99: p.readers.p99,
      errors: p.readers.errors,
      value: `${answer}; ${readers}; ${plain}`,
      target: targets.hostileMarkdown.text,
      pass: targets.hostileMarkdown.check(p.status, p.ms, p.readers.p99) && p.plainStatus === 200 && p.readers.errors === 0,
      note: `${p.chars.toLocaleString("en-US")} characters`,
    };
  });
}
