/** Result tables: aligned text for the terminal, Markdown for bench/results/latest.md. */
import type { Row } from "./rows";

const headers = ["scenario", "req/s", "p50 ms", "p99 ms", "errors", "RSS MB", "x ceiling", "x floor", "figure", "target", "result"];

function cells(r: Row): string[] {
  const n = (v: number | undefined, digits = 0) => (v === undefined ? "" : v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const pct = (v: number | undefined) => (v === undefined ? "" : `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`);
  return [
    r.scenario,
    n(r.rps),
    n(r.p50, 1),
    n(r.p99, 1),
    r.errors === undefined ? "" : String(r.errors),
    n(r.rssMb),
    pct(r.ofCeiling),
    r.ofFloor === undefined ? "" : `${r.ofFloor.toFixed(2)}x`,
    [r.value, r.note].filter(Boolean).join("; "),
    r.target,
    r.pass === null ? "" : r.pass ? "PASS" : "FAIL",
  ];
}

export function textTable(title: string, rows: Row[]): string {
  const table = [headers, ...rows.map(cells)];
  const widths = headers.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const line = (r: string[]) => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [`\n${title}`, line(table[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...table.slice(1).map(line)].join("\n");
}

export function markdownTable(title: string, rows: Row[]): string {
  const esc = (s: string) => s.replaceAll("|", "\\|");
  return [
    `### ${title}`,
    "",
    `| ${headers.join(" | ")} |`,
    `|${headers.map((_, i) => (i >= 1 && i <= 7 ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(" | ")} |`),
    "",
  ].join("\n");
}
