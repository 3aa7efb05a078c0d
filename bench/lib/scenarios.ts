/** The load scenarios of issues 6, 22 and 25 against one running forum (one database, one data size). */
import { autocannonGet, autocannonMix, pacedMix, readsWithPreviews, timedSequence, type LoadResult, type WorkerRequest } from "./cannon";
import { HOSTILE_MARKDOWN, hostileMarkdownRows, PLAIN_MARKDOWN } from "./hostile-markdown";
import { assertAlive, isAlive, sampleRss, type Proc } from "./processes";
import { loadRow, targets, type Row } from "./rows";

export type Ctx = {
  base: string;
  ceilingUrl: string;
  ceilingPid: number;
  pageBytes: number;
  server: Proc;
  restart: () => Promise<Proc>;
  dir: string;
  seconds: number;
  warmup: number;
  connections: number;
  cookie: string;
  /** A member with no part in the 30-answer threads, as most of their signed-in readers are. */
  readerCookie: string;
  /** A MODERATOR with no part in the thread: their view includes hidden posts and every control. */
  moderatorCookie: string;
  cookies: string[];
  threadPath: string;
  /** A locked thread with as many answers as threadPath's. */
  lockedPath: string;
  tagPath: string;
  searchPaths: string[];
  /** Other searches, run untimed first: the server's own database pages and code warm up. */
  searchWarmupPaths: string[];
  postPaths: string[];
  answerBodies: string[];
  answerRate: number;
  answerSeconds: number;
  answerWarmup: number;
  mixedSeconds: number;
  log: (s: string) => void;
};

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: "manual" });
  return { status: res.status, cache: res.headers.get("x-forum-cache"), text: await res.text() };
}

const joinNotes = (...notes: (string | undefined)[]) => notes.filter(Boolean).join("; ") || undefined;
const RESTARTED = "the server was stopped from outside during this run; restarted and measured again";

/**
 * Runs `fn`; if the forum was stopped meanwhile (the machine is shared, and a stray kill of
 * "server.ts" processes has happened), starts it again and runs `fn` once more.
 */
async function surviving<T extends object>(ctx: Ctx, label: string, fn: () => Promise<T>): Promise<T & { note?: string }> {
  const first: T & { note?: string } = await fn();
  if (isAlive(ctx.server)) return first;
  ctx.log(`  !! the forum exited during ${label}: restarting it and measuring again`);
  ctx.server = await ctx.restart();
  const second = await fn();
  assertAlive(ctx.server, label);
  return { ...second, note: RESTARTED };
}

/** Warm-up, then the measured run with the server's RSS sampled throughout. */
type Timing = { warmup?: number; seconds?: number; pid?: number };
async function measured(ctx: Ctx, label: string, run: (seconds: number) => Promise<LoadResult>, t: Timing = {}) {
  ctx.log(`  ${label}...`);
  return surviving(ctx, label, async () => {
    const warmup = t.warmup ?? ctx.warmup;
    const warm = warmup > 0 ? await run(warmup) : undefined;
    const rss = sampleRss(t.pid ?? ctx.server.pid);
    const result = await run(t.seconds ?? ctx.seconds);
    return { result, rss: rss.stop(), warm };
  });
}

const getRun = (ctx: Ctx, url: string, headers?: Record<string, string>) => (seconds: number) =>
  autocannonGet(url, { connections: ctx.connections, duration: seconds, headers });

function postRequest(ctx: Ctx): WorkerRequest {
  return { method: "POST", path: ctx.postPaths[0]!, headers: { "content-type": "application/json" }, cookies: ctx.cookies, paths: ctx.postPaths, answerBodies: ctx.answerBodies };
}

export type ScenarioResults = { rows: Row[]; threadSignedInP50: number; threadHtml: string };

export async function runScenarios(ctx: Ctx): Promise<ScenarioResults> {
  const rows: Row[] = [];
  const signedIn = { cookie: ctx.cookie };
  const thread = `${ctx.base}${ctx.threadPath}`;

  // Checks first: the cache serves repeat reads, the cookie signs in, the routes exist.
  await get(thread);
  const repeat = await get(thread);
  const threadHtml = (await get(thread, signedIn)).text;
  if (!threadHtml.includes("Log out")) throw new Error("The minted session cookie was not accepted (no \"Log out\" on the thread page).");
  const cacheNote = repeat.cache === "HIT" ? undefined : `x-forum-cache was ${repeat.cache}, not HIT`;

  const ceiling = await measured(ctx, "a. ceiling", getRun(ctx, ctx.ceilingUrl), { pid: ctx.ceilingPid });
  const c = ceiling.result.rps;
  rows.push(loadRow("a. ceiling (node:http, same bytes)", ceiling.result, ceiling.rss.max, c, "reference", null, [`${(ctx.pageBytes / 1024).toFixed(0)} kB page`, ceiling.note].filter(Boolean).join("; ")));

  const b = await measured(ctx, "b. thread, signed-out (cached)", getRun(ctx, thread));
  const bRatio = b.result.rps / c;
  rows.push(loadRow("b. thread 30 answers, signed-out", b.result, b.rss.max, c, targets.cachedThread.text, targets.cachedThread.check(bRatio, b.result.p99), joinNotes(cacheNote, b.note)));

  const floor = await measured(ctx, "c. framework floor", getRun(ctx, `${ctx.base}/status`, signedIn));
  rows.push(loadRow("c. floor: force-dynamic /status, signed-in", floor.result, floor.rss.max, c, "reference", null, floor.note));

  // The front door renders every member's thread page (server/thread-page.ts) from the thread's
  // data and the reader's session kept in memory. Compared to the framework floor (c) as before,
  // and judged by issue 22's target against the ceiling (a): as a reader with no part in the
  // thread, as the set's first member (whatever part they have in it), as a moderator (hidden
  // posts and every control), and on a locked thread as long as the first.
  const signedInRow = async (label: string, url: string, cookie: string, mark?: { text: string; says: string }) => {
    const page = await get(url, { cookie });
    if (page.status !== 200 || !page.text.includes("Log out")) throw new Error(`${label}: ${url} answered ${page.status}${page.status === 200 ? " without \"Log out\" (not signed in)" : ""}.`);
    if (mark && !page.text.includes(mark.text)) throw new Error(`${label}: the page lacks ${JSON.stringify(mark.text)}, which says ${mark.says}.`);
    const run = await measured(ctx, label, getRun(ctx, url, { cookie }));
    const ofFloor = run.result.rps / floor.result.rps;
    const byFloor = targets.signedInThread.check(ofFloor, run.result.p50, floor.result.p50);
    const byCeiling = targets.signedInCeiling.check(run.result.rps / c, run.result.p99);
    const verdicts = `vs floor ${byFloor ? "PASS" : "FAIL"}, vs ceiling ${byCeiling ? "PASS" : "FAIL"}`;
    const row = loadRow(label, run.result, run.rss.max, c, `${targets.signedInCeiling.text}; ${targets.signedInThread.text}`, byFloor && byCeiling, joinNotes(verdicts, run.note));
    row.ofFloor = ofFloor;
    rows.push(row);
    return run;
  };
  const locked = `${ctx.base}${ctx.lockedPath}`;
  const d = await signedInRow("d. thread 30 answers, signed-in reader", thread, ctx.readerCookie);
  await signedInRow("d. thread 30 answers, signed-in, first member", thread, ctx.cookie);
  await signedInRow("d. thread 30 answers, signed-in, moderator", thread, ctx.moderatorCookie, { text: "Lock thread", says: "that the reader is a moderator" });
  await signedInRow("d. locked thread 30 answers, signed-in reader", locked, ctx.readerCookie, { text: "<strong>Locked:</strong>", says: "that the thread is locked" });

  const lists: string[] = [];
  for (const [label, path] of [["e. home page, signed-out", "/"], ["e. tag page, signed-out", ctx.tagPath]] as const) {
    await get(`${ctx.base}${path}`);
    const probe = await get(`${ctx.base}${path}`);
    if (probe.status !== 200) {
      rows.push({ scenario: label, target: targets.lists.text, pass: null, note: `${path} answered ${probe.status}: skipped` });
      continue;
    }
    lists.push(path);
    const e = await measured(ctx, label, getRun(ctx, `${ctx.base}${path}`));
    const note = probe.cache === "HIT" ? undefined : `x-forum-cache was ${probe.cache}`;
    rows.push(loadRow(label, e.result, e.rss.max, c, targets.lists.text, targets.lists.check(e.result.rps / c, e.result.p99), joinNotes(note, e.note)));
  }

  rows.push(await searchRow(ctx));

  // Posts arrive at an even pace (bench/lib/load-worker.mjs, "paced"). The first seconds of
  // posting after a start run colder code and database pages than the rest (p99 several times
  // as high): the warm-up's own figures are shown beside the run's.
  const rate = await measured(ctx, `g. answers at ${ctx.answerRate}/s for ${ctx.answerSeconds} s`, (s) =>
    pacedMix(ctx.dir, ctx.base, { rate: ctx.answerRate, duration: s, requests: [postRequest(ctx)] }), { warmup: ctx.answerWarmup, seconds: ctx.answerSeconds });
  const warmNote = rate.warm && `its ${ctx.answerWarmup} s warm-up: ${(rate.warm.ok / rate.warm.duration).toFixed(1)} answers/s, p99 ${rate.warm.p99} ms`;
  rows.push({ ...answersRow(`g. post answers, fixed ${ctx.answerRate}/s`, rate.result, rate.rss.max, true), note: joinNotes(warmNote, rate.note) });
  const max = await measured(ctx, "g. answers, unthrottled", (s) =>
    autocannonMix(ctx.dir, ctx.base, { connections: ctx.connections, duration: s, requests: [postRequest(ctx)] }), { warmup: 0 });
  rows.push({ ...answersRow("g. post answers, unthrottled", max.result, max.rss.max, false), note: max.note });

  if (ctx.mixedSeconds > 0) rows.push(await mixedRow(ctx, thread, lists));
  rows.push(...(await hostileMarkdown(ctx)));
  return { rows, threadSignedInP50: d.result.p50, threadHtml };
}

function answersRow(label: string, r: LoadResult, rss: number, judged: boolean): Row {
  const perSecond = r.ok / r.duration;
  const row = loadRow(label, r, rss, undefined, judged ? targets.answers.text : "capacity", judged ? targets.answers.check(perSecond, r.p99) : null);
  row.value = `${perSecond.toFixed(1)} answers/s`;
  return row;
}

async function searchRow(ctx: Ctx): Promise<Row> {
  const label = "f. search, signed-in (HTTP, sequential)";
  const probe = await get(`${ctx.base}${ctx.searchPaths[0]}`, { cookie: ctx.cookie });
  if (probe.status !== 200) return { scenario: label, target: targets.search.text, pass: null, note: `/search answered ${probe.status}: skipped` };
  ctx.log(`  f. search (${ctx.searchWarmupPaths.length} warm-up queries, then ${ctx.searchPaths.length} measured)...`);
  // The probe's warm-up ran in a process of its own: an embedded database's pages and the
  // search code paths of this server are still cold, as they are not on a server in use.
  const s = await surviving(ctx, label, async () => {
    await timedSequence(ctx.dir, ctx.base, ctx.searchWarmupPaths, { cookie: ctx.cookie });
    return timedSequence(ctx.dir, ctx.base, ctx.searchPaths, { cookie: ctx.cookie });
  });
  return { scenario: label, p50: s.p50, p99: s.p99, errors: s.errors, value: `p95 ${s.p95.toFixed(1)} ms over ${s.count}`, target: targets.search.text, pass: targets.search.check(s.p95), note: s.note };
}

/** b, d, e and g together, RSS compared between the start and the end of the run. */
async function mixedRow(ctx: Ctx, thread: string, lists: string[]): Promise<Row> {
  const path = new URL(thread).pathname;
  const requests: WorkerRequest[] = [
    { path },
    { path, headers: { cookie: ctx.cookie } },
    ...lists.map((p) => ({ path: p })),
    postRequest(ctx),
  ];
  ctx.log(`  j. mixed run, ${ctx.mixedSeconds} s...`);
  const { r, m, note } = await surviving(ctx, "the mixed run", async () => {
    await autocannonMix(ctx.dir, ctx.base, { connections: ctx.connections, duration: ctx.warmup, requests });
    const rss = sampleRss(ctx.server.pid, 1000);
    const r = await autocannonMix(ctx.dir, ctx.base, { connections: ctx.connections, duration: ctx.mixedSeconds, requests });
    return { r, m: rss.stop() };
  });
  const change = (m.endMedian - m.startMedian) / m.startMedian;
  const percent = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
  const row = loadRow(`j. mixed b+d+e+g, ${ctx.mixedSeconds} s`, r, m.max, undefined, targets.memory.text, targets.memory.check(change), note);
  row.value = `RSS median of the first and last ${m.windowSeconds} s ${m.startMedian.toFixed(0)} -> ${m.endMedian.toFixed(0)} MB (${percent(change)}); first and last sample ${m.first.toFixed(0)} -> ${m.last.toFixed(0)} MB (${percent((m.last - m.first) / m.first)})`;
  return row;
}

/** l: hostile previews while signed-out readers load the cached thread (bench/lib/hostile-markdown.ts). */
async function hostileMarkdown(ctx: Ctx) {
  ctx.log(`  l. Markdown worst case: ${HOSTILE_MARKDOWN.length} hostile previews under a read load...`);
  const r = await surviving(ctx, "the hostile previews", () =>
    readsWithPreviews(ctx.dir, ctx.base, {
      readPath: ctx.threadPath, connections: ctx.connections, warmupMs: ctx.warmup * 1000, quietMs: ctx.seconds * 1000, gapMs: 1000,
      previews: HOSTILE_MARKDOWN, plainMarkdown: PLAIN_MARKDOWN,
    }),
  );
  const rows = hostileMarkdownRows(r);
  if (r.note) for (const row of rows) row.note = joinNotes(row.note, r.note);
  return rows;
}
