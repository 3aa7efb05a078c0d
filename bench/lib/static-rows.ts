/** Rows that are not load runs: search SQL time, SQL per thread, JavaScript per page, live streams. */
import { measureBundle } from "./bundle";
import type { LiveStreamsResult } from "./live-streams";
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
const LIVE_SCRIPT = /^\/_forum\/live-thread\.[\w-]+\.js$/;

/**
 * The JavaScript of the thread page as each kind of reader gets it: signed out, the small
 * script that keeps the thread live (/_forum/live-thread.<hash>.js) and nothing else; members,
 * the forum's one script (/_forum/thread-page.<hash>.js), which keeps it live too.
 */
export async function bundleRows(pages: { label: string; html: string; signedIn: boolean }[], base: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { label, html, signedIn } of pages) {
    const js = await measureBundle(html, base);
    const total = js.gzipKb + js.inlineGzipKb;
    const target = signedIn ? targets.bundle.signedIn : targets.bundle.signedOut;
    const names = js.files.map((f) => f.replace(/^.*\//, "")).join(", ") || "no script file";
    // A page that lost its script would pass on size alone: it must be there, and alone.
    const expected = signedIn ? THREAD_SCRIPT : LIVE_SCRIPT;
    const wrongFiles = !(js.files.length === 1 && expected.test(js.files[0]!));
    const expectedName = signedIn ? "/_forum/thread-page.<hash>.js" : "/_forum/live-thread.<hash>.js";
    const notes = [
      wrongFiles ? `expected the one ${expectedName}, found ${js.files.length ? js.files.join(", ") : "none"}` : undefined,
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

/** Row m: idle live streams held by one server, their memory, and one write's fan-out to all. */
export function liveStreamsRow(r: LiveStreamsResult, wanted: number): Row {
  // The fan-out itself: from the first stream's event to the last's (the write and the one read
  // of the thread's state that follows it come before the first).
  const spread = Math.max(...r.fanOut.map((f) => f.lastMs - f.firstMs));
  const reachedAll = r.fanOut.every((f) => f.reached === r.held);
  const fan = r.fanOut.map((f) => `${f.reached} reached ${f.firstMs.toFixed(0)}-${f.lastMs.toFixed(0)} ms after the write was sent (spread ${(f.lastMs - f.firstMs).toFixed(0)} ms; the write's own response ${f.writeMs.toFixed(0)} ms)`).join(", then ");
  return {
    scenario: `m. live threads: ${wanted.toLocaleString("en-US")} idle SSE streams on one server`,
    value: `holds ${r.held.toLocaleString("en-US")} of ${wanted.toLocaleString("en-US")}; RSS ${r.rssBeforeMb.toFixed(0)} -> ${r.rssAfterMb.toFixed(0)} MB, ${r.kbPerStream.toFixed(1)} kB per stream; one write to all: ${fan}`,
    target: targets.liveStreams.text,
    pass: reachedAll && targets.liveStreams.check(r.held, wanted, r.kbPerStream, spread),
    note: [r.refused ? `${r.refused} refused` : "", `${r.heartbeats}+ heartbeats each while held`].filter(Boolean).join("; "),
  };
}
