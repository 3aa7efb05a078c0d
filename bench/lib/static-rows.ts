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

const THREAD_SCRIPT = /^\/_forum\/thread-page\.[\w-]+\.js$/;

/**
 * The JavaScript of the thread page as each kind of reader gets it: none signed out (plain
 * HTML), and for members the forum's one script, /_forum/thread-page.<hash>.js.
 */
export async function bundleRows(pages: { label: string; html: string; signedIn: boolean }[], base: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { label, html, signedIn } of pages) {
    const js = await measureBundle(html, base);
    const total = js.gzipKb + js.inlineGzipKb;
    const target = signedIn ? targets.bundle.signedIn : targets.bundle.signedOut;
    const names = js.files.map((f) => f.replace(/^.*\//, "")).join(", ") || "no script file";
    // A member's page that lost its script would pass on size alone: it must be there, and alone.
    const wrongFiles = signedIn && !(js.files.length === 1 && THREAD_SCRIPT.test(js.files[0]!));
    const notes = [
      wrongFiles ? `expected the one /_forum/thread-page.<hash>.js, found ${js.files.length ? js.files.join(", ") : "none"}` : undefined,
      js.missing.length ? `${js.missing.length} could not be fetched` : undefined,
      js.noModuleGzipKb > 0 ? `noModule polyfills ${js.noModuleGzipKb.toFixed(1)} kB gz not counted` : undefined,
    ].filter(Boolean);
    rows.push({
      scenario: `i. JS for the thread page, ${label}`,
      value: `${total.toFixed(1)} kB gz (${names}: ${js.rawKb.toFixed(1)} kB raw; inline ${js.inlineGzipKb.toFixed(1)} kB gz)`,
      target: target.text,
      pass: !wrongFiles && js.missing.length === 0 && target.check(total),
      note: notes.join("; ") || undefined,
    });
  }
  return rows;
}
