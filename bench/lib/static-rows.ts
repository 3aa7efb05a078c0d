/** Rows that are not load runs: search SQL time, SQL per thread, JavaScript per page. */
import { measureBundle } from "./bundle";
import type { PageQueries } from "./prepare";
import type { ProbeResult } from "./probe";
import { targets, type Row } from "./rows";

export function searchSqlRow(search: ProbeResult["search"]): Row {
  return search.available
    ? { scenario: "f. search, SQL only (searchQuestions)", p50: search.p50, value: `p95 ${search.p95.toFixed(1)} ms over ${search.count}`, target: targets.search.text, pass: targets.search.check(search.p95) }
    : { scenario: "f. search, SQL only", target: targets.search.text, pass: null, note: `skipped: ${search.note}` };
}

export function queryRows(findThread: ProbeResult["findThread"], pages: PageQueries): Row[] {
  const count = (label: string) => pages.find((p) => p.label === label)?.count ?? NaN;
  const repeat = count("30 answers, signed-in, repeat");
  return [
    { scenario: "h. SQL per findThread()", value: `${findThread.one} (1 answer), ${findThread.many} (30 answers)`, target: targets.queries.text, pass: targets.queries.check(findThread.one, findThread.many) },
    {
      scenario: "h. SQL per thread page render",
      value: pages.map((p) => `${p.count} (${p.label})`).join(", "),
      target: `${targets.queries.text}; ${targets.repeatQueries.text}`,
      pass: targets.queries.check(count("1 answer, signed-out"), count("30 answers, signed-out")) && targets.repeatQueries.check(repeat),
    },
  ];
}

/** The JavaScript of the thread page as each kind of reader gets it (signed-out pages are plain HTML). */
export async function bundleRows(pages: { label: string; html: string }[], base: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { label, html } of pages) {
    const js = await measureBundle(html, base);
    rows.push({
      scenario: `i. JS for the thread page, ${label}`,
      value: `${js.gzipKb.toFixed(1)} kB gz in ${js.files} files (${js.rawKb.toFixed(0)} kB raw); inline ${js.inlineGzipKb.toFixed(1)} kB gz; noModule polyfills ${js.noModuleGzipKb.toFixed(1)} kB gz not counted`,
      target: targets.bundle.text,
      pass: targets.bundle.check(js.gzipKb),
      note: js.missing.length ? `${js.missing.length} could not be fetched` : undefined,
    });
  }
  return rows;
}
