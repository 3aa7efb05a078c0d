/**
 * The benchmark of issue 6 (with the targets of issues 22 and 25) in one command:
 * `npm run bench [-- --large --soak ...]`. See bench/README.md for the flags and what each
 * figure means.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readArgs } from "./lib/args";
import { assertBuilt, buildApp, BUILT_SERVER_ARGS, DIST_DIR } from "./lib/build";
import { answerBodies, memberCookies, postPaths, searchQueries, warmupQueries } from "./lib/inputs";
import { runLighthouse } from "./lib/lighthouse";
import { interleavedDataSize, type SizeSide } from "./lib/data-size";
import { countPageQueries, embeddedTarget, generateDataSet, POSTING_MEMBERS, postgresTarget, probe, type Target } from "./lib/prepare";
import { assertPortFree, isAlive, startPinned, stop, waitForHttp, type Proc } from "./lib/processes";
import { markdownTable, textTable } from "./lib/report";
import { targets, type Row } from "./lib/rows";
import { runScenarios, type Ctx } from "./lib/scenarios";
import { measureLiveStreams } from "./lib/live-streams";
import { bundleRows, liveStreamsRow, queryRows, searchSqlRow } from "./lib/static-rows";
import { BENCH_AUTH_SECRET, sessionCookie } from "./lib/session";

const usage = "Usage: npm run bench -- [--questions 1000] [--large] [--soak] [--embedded-only | --postgres-only] [--no-build] [--duration 10] [--warmup 3] [--connections 10] [--answer-rate 50] [--answer-duration 20] [--answer-warmup 3] [--mixed 60] [--live-streams 2000] [--live-hold 30] [--seed 42] [--port 4100]";
const args = readArgs(process.argv.slice(2), usage);
const opts = {
  questions: Math.floor(args.number("questions", 1000)),
  large: args.flag("large"),
  seed: Math.floor(args.number("seed", 42)),
  seconds: args.number("duration", 10),
  warmup: args.number("warmup", 3),
  connections: Math.floor(args.number("connections", 10)),
  answerRate: args.number("answer-rate", 50),
  answerSeconds: args.number("answer-duration", 20),
  answerWarmup: args.number("answer-warmup", 3),
  mixedSeconds: args.flag("soak") ? 300 : args.number("mixed", 60),
  port: Math.floor(args.number("port", 4100)),
  liveStreams: Math.floor(args.number("live-streams", 2000)),
  liveHold: args.number("live-hold", 30),
  pgAdmin: process.env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres",
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-bench-"));
const log = (s: string) => console.log(s);
const root = path.resolve(import.meta.dirname, "..");
const running: Proc[] = [];
const lighthouseInstalled = fs.existsSync(path.join(root, "node_modules/lighthouse"));

const searchPath = (q: string) => `/search?q=${encodeURIComponent(q)}`;

type Outcome = { title: string; rows: Row[]; db: string; questions: number; threadP50: number };
/** A data set left in place after its run, for the data-size turns (row k); dropped after them. */
type Kept = { side: SizeSide; target: Target };

async function benchOne(makeTarget: () => Promise<Target>, questions: number, withMixed: boolean, keep: Kept[] | null): Promise<Outcome> {
  const target = await makeTarget();
  let kept = false;
  const title = `${target.label}, ${questions.toLocaleString("en-US")} questions`;
  log(`\n== ${title}`);
  const loadAtStart = os.loadavg()[0]!;
  try {
    const ds = await generateDataSet(target, questions, opts.seed);
    log(`  generated in ${ds.seconds.toFixed(1)} s: ${Object.entries(ds.counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);
    const queries = searchQueries(200, opts.seed);
    const warmup = warmupQueries(queries, 300, opts.seed);
    const probed = await probe(target, { many: ds.threads.many.id, one: ds.threads.one.id }, { queries, warmup }, dir);
    const cookies = await memberCookies(ds, POSTING_MEMBERS);
    const reader = ds.threads.many.reader;
    if (!reader) throw new Error("The data set has no member without a part in the 30-answer threads to read them as.");
    const readerCookie = await sessionCookie(reader);
    const moderatorCookie = await sessionCookie(ds.moderator);
    const env = { ...process.env, ...target.env, NODE_ENV: "production" as const, NEXT_DIST_DIR: DIST_DIR, AUTH_SECRET: BENCH_AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", TRUST_PROXY: "1" };
    const pages = await countPageQueries(env, opts.port + 2, dir, [
      { label: "1 answer, signed-out", path: ds.threads.one.url },
      { label: "30 answers, signed-out", path: ds.threads.many.url },
      { label: "30 answers, signed-in", path: ds.threads.many.url, cookie: cookies[0], repeat: true },
    ]);

    const base = `http://127.0.0.1:${opts.port}`;
    let starts = 0;
    const startForum = async () => {
      const proc = startPinned(`forum-${target.db.kind}-${questions}${starts++ ? `-restart${starts - 1}` : ""}`, BUILT_SERVER_ARGS, { ...env, PORT: String(opts.port) }, dir);
      running.push(proc);
      await waitForHttp(proc, `${base}/status`);
      return proc;
    };
    const server = await startForum();
    const html = await (await fetch(`${base}${ds.threads.many.url}`)).text();
    const htmlFile = path.join(dir, `thread-${target.db.kind}-${questions}.html`);
    fs.writeFileSync(htmlFile, html);
    const ceiling = startPinned(`ceiling-${target.db.kind}-${questions}`, ["bench/ceiling.mjs", htmlFile, String(opts.port + 1)], process.env, dir);
    running.push(ceiling);
    await waitForHttp(ceiling, `http://127.0.0.1:${opts.port + 1}/`);

    const tag = ds.topTags[1] ?? "tcp";
    const ctx: Ctx = {
      base, ceilingUrl: `http://127.0.0.1:${opts.port + 1}/`, ceilingPid: ceiling.pid, pageBytes: Buffer.byteLength(html), server, restart: startForum, dir,
      seconds: opts.seconds, warmup: opts.warmup, connections: opts.connections,
      cookie: cookies[0]!, readerCookie, moderatorCookie, cookies, threadPath: ds.threads.many.url, lockedPath: ds.threads.locked.url, tagPath: `/tags/${encodeURIComponent(tag)}`,
      searchPaths: queries.map(searchPath), searchWarmupPaths: warmup.map(searchPath), postPaths: postPaths(ds, 2000, opts.seed),
      answerBodies: answerBodies(64, opts.seed), answerRate: opts.answerRate, answerSeconds: opts.answerSeconds, answerWarmup: opts.answerWarmup, mixedSeconds: withMixed ? opts.mixedSeconds : 0, log,
    };
    const result = await runScenarios(ctx);
    // The machine is shared: a forum stopped from outside (runScenarios restarts it for its own
    // runs) is started again for what follows, rather than failing the whole run.
    const revive = async () => {
      if (isAlive(ctx.server)) return;
      log("  !! the forum was stopped from outside: restarting it");
      ctx.server = await startForum();
    };
    const rows = result.rows;
    rows.push(searchSqlRow(probed.search));
    await revive();
    const signedInHtml = await (await fetch(`${base}${ds.threads.many.url}`, { headers: { cookie: cookies[0]! } })).text();
    const bundles = [{ label: "signed-out", html, signedIn: false }, { label: "signed-in", html: signedInHtml, signedIn: true }];
    rows.push(...queryRows(probed.findThread, pages), ...(await bundleRows(bundles, base)));
    fs.writeFileSync(path.join(dir, `queries-${target.db.kind}-${questions}.json`), JSON.stringify({ findThread: probed.findThread.statements, pages }, null, 2));
    if (opts.liveStreams > 0) {
      await revive();
      const live = await measureLiveStreams({ base, threadPath: ds.threads.many.url, serverPid: ctx.server.pid, voterCookie: moderatorCookie, streams: opts.liveStreams, holdSeconds: opts.liveHold, log });
      rows.push(liveStreamsRow(live, opts.liveStreams));
    }

    if (withMixed && target.db.kind === "pglite" && lighthouseInstalled) await lighthouse(`${base}${ds.threads.many.url}`, () => isAlive(ctx.server), revive);
    await stop(ceiling);
    if (keep) {
      keep.push({ side: { questions, env, threadPath: ds.threads.many.url, readerCookie }, target });
      kept = true;
    }
    // Other work on the machine skews every figure; the ratios to the ceiling less so.
    const load = `machine load average ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end`;
    return { title: `${title} (${load})`, rows, db: target.label, questions, threadP50: result.threadSignedInP50 };
  } finally {
    for (const p of running.splice(0)) await stop(p);
    if (!kept) await target.drop();
  }
}

async function main() {
  log(`Benchmark run in ${dir} (logs, pages, data).`);
  for (const port of [opts.port, opts.port + 1, opts.port + 2]) await assertPortFree(port);
  if (!args.flag("no-build")) await buildApp(log);
  else if (!fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) throw new Error(`--no-build needs an existing ${DIST_DIR}: run once without it.`);
  else assertBuilt();
  log(lighthouseInstalled ? "Lighthouse: installed; runs against the embedded thread page." : "Lighthouse: not installed here (npm i -D lighthouse@12 to enable)");

  const makers: [string, (size: number) => Promise<Target>][] = [];
  if (!args.flag("postgres-only")) makers.push(["embedded", async (size) => embeddedTarget(dir, `data-${size}`)]);
  if (!args.flag("embedded-only")) makers.push(["postgres", (size) => postgresTarget(opts.pgAdmin, `forum_bench_${process.pid}_${size}`)]);
  const outcomes: Outcome[] = [];
  for (const [name, make] of makers) {
    const kept: Kept[] = [];
    try {
      for (const size of opts.large ? [opts.questions, 100_000] : [opts.questions]) {
        try {
          outcomes.push(await benchOne(() => make(size), size, size === opts.questions, opts.large ? kept : null));
        } catch (err) {
          if (name === "postgres" && /ECONNREFUSED|connect/i.test((err as Error).message)) {
            log(`PostgreSQL at ${opts.pgAdmin} is not reachable: skipped (${(err as Error).message})`);
            break;
          }
          throw err;
        }
      }
      if (kept.length === 2) outcomes.at(-1)!.rows.push(await dataSizeRow(kept, outcomes.slice(-2)));
    } finally {
      for (const k of kept) await k.target.drop();
    }
  }
  // Rows are added as they are measured; the tables list them by their letter.
  for (const o of outcomes) o.rows.sort((x, y) => x.scenario.charCodeAt(0) - y.scenario.charCodeAt(0));
  for (const o of outcomes) console.log(textTable(o.title, o.rows));
  writeMarkdown(outcomes);
}

/**
 * Lighthouse, which is no row of the table: a failure is logged, not fatal; when the forum was
 * stopped from outside meanwhile, it is started again and Lighthouse runs once more.
 */
async function lighthouse(url: string, alive: () => boolean, revive: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    await revive();
    try {
      const lh = await runLighthouse(url, dir);
      return log("skipped" in lh ? lh.skipped : `Lighthouse (median of 3): performance ${lh.performance}, LCP ${lh.lcpMs.toFixed(0)} ms, CLS ${lh.cls.toFixed(3)}`);
    } catch (err) {
      if (alive() || attempt === 2) return log(`Lighthouse failed${alive() ? "" : " (the forum was stopped from outside)"}: ${(err as Error).message.split("\n").slice(0, 2).join(" ")}`);
    }
  }
}

/** Row k: the signed-in reader's page at 100k against the small set, in alternating turns. */
async function dataSizeRow([small, large]: Kept[], [smallCell, largeCell]: Outcome[]): Promise<Row> {
  const d = await interleavedDataSize(small!.side, large!.side, { port: opts.port, dir, rounds: 4, seconds: 5, warmup: Math.max(opts.warmup, 5), connections: opts.connections, log });
  const size = (n: number) => n.toLocaleString("en-US");
  const cells = `the d cells, minutes apart: ${largeCell!.threadP50.toFixed(1)} vs ${smallCell!.threadP50.toFixed(1)} ms (${(largeCell!.threadP50 / Math.max(smallCell!.threadP50, 0.1)).toFixed(2)}x)`;
  const errors = d.small.errors + d.large.errors;
  return {
    scenario: "k. data size: thread signed-in, 100k vs small, in turns",
    value: `p50 ${d.large.medianP50.toFixed(1)} vs ${d.small.medianP50.toFixed(1)} ms (${d.p50Ratio.toFixed(2)}x); CPU ${d.large.cpuMsPerRequest.toFixed(1)} vs ${d.small.cpuMsPerRequest.toFixed(1)} ms per request (${d.cpuRatio.toFixed(2)}x)`,
    errors,
    target: targets.dataSize.text,
    pass: errors === 0 && targets.dataSize.check(d.p50Ratio),
    note: `${size(large!.side.questions)} vs ${size(small!.side.questions)} questions; p50 of each 5 s turn: ${d.large.p50s.join("/")} vs ${d.small.p50s.join("/")} ms; ${cells}`,
  };
}

function writeMarkdown(outcomes: Outcome[]) {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const head = `# Benchmark results\n\n${new Date().toISOString()} · ${cpu} · ${os.cpus().length} cores · Node ${process.version} · ${opts.connections} connections, ${opts.seconds} s runs after ${opts.warmup} s warm-up; server on CPU 0, load on CPU 1.\n`;
  const out = path.join(root, "bench/results/latest.md");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, [head, ...outcomes.map((o) => markdownTable(o.title, o.rows))].join("\n"));
  log(`\nWrote ${path.relative(root, out)}; logs and pages in ${dir}.`);
}

const cleanup = async () => {
  for (const p of running.splice(0)) await stop(p);
  process.exit(130);
};
process.once("SIGINT", cleanup);
process.once("SIGTERM", cleanup);
main().catch(async (err: Error) => {
  console.error(`bench: ${err.message}${err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ""}`);
  for (const p of running.splice(0)) await stop(p);
  process.exit(1);
});
