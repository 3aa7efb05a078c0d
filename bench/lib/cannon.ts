/**
 * Load runs, always on the load generator's core (taskset -c 1): autocannon's CLI for plain
 * GETs, bench/lib/load-worker.mjs for rotating requests and timed sequences.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const LOAD_CPU = "1";
const root = path.resolve(import.meta.dirname, "../..");

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; total: number; ok: number; duration: number };
type AutocannonJson = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  duration: number;
};

function summarize(r: AutocannonJson): LoadResult {
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    total: r.requests.total,
    ok: r["2xx"],
    duration: r.duration,
  };
}

async function pinned(args: string[], timeoutMs: number): Promise<string> {
  const { stdout } = await run("taskset", ["-c", LOAD_CPU, process.execPath, ...args], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
  });
  return stdout;
}

/** `autocannon --json -c C -d D [-H ...] URL`. */
export async function autocannonGet(url: string, o: { connections: number; duration: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const headers = Object.entries(o.headers ?? {}).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
  const args = ["node_modules/autocannon/autocannon.js", "--json", "-c", String(o.connections), "-d", String(o.duration), ...headers, url];
  return summarize(JSON.parse(await pinned(args, (o.duration + 60) * 1000)) as AutocannonJson);
}

export type WorkerRequest = {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  cookies?: string[];
  paths?: string[];
  answerBodies?: string[];
};

let configs = 0;
function writeConfig(dir: string, config: object): string {
  const file = path.join(dir, `load-${process.pid}-${++configs}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/** Autocannon's API with rotating requests (several members, many questions). */
export async function autocannonMix(dir: string, url: string, o: { connections: number; duration: number; requests: WorkerRequest[] }): Promise<LoadResult> {
  const file = writeConfig(dir, { mode: "cannon", url, ...o });
  return summarize(JSON.parse(await pinned(["bench/lib/load-worker.mjs", file], (o.duration + 60) * 1000)) as AutocannonJson);
}

/** The same rotating requests at an even, fixed rate, timed from when each was due (load-worker.mjs says why not autocannon's). */
export async function pacedMix(dir: string, url: string, o: { rate: number; duration: number; requests: WorkerRequest[] }): Promise<LoadResult> {
  const file = writeConfig(dir, { mode: "paced", url, ...o });
  return summarize(JSON.parse(await pinned(["bench/lib/load-worker.mjs", file], (o.duration + 120) * 1000)) as AutocannonJson);
}

export type SequenceResult = { count: number; errors: number; p50: number; p95: number; p99: number; max: number };

/** One request after another, each timed: for percentiles over a list of distinct URLs. */
export async function timedSequence(dir: string, url: string, paths: string[], headers: Record<string, string>): Promise<SequenceResult> {
  const file = writeConfig(dir, { mode: "sequence", url, paths, headers, budgetMs: 90_000 });
  return JSON.parse(await pinned(["bench/lib/load-worker.mjs", file], 30 * 60_000)) as SequenceResult;
}

export type PreviewOutcome = {
  label: string;
  chars: number;
  status: number;
  ms: number;
  /** The error the preview answered with, when it refused. */
  reason?: string;
  /** The plain preview sent right after: its time includes a fresh worker's start, if one was needed. */
  plainStatus: number;
  plainMs: number;
  readers: ReaderFigures;
};
export type ReaderFigures = { count: number; errors: number; p50: number; p99: number };
export type PreviewsResult = { without: ReaderFigures; previews: PreviewOutcome[] };

/** A steady read load on `readPath` while `previews` are sent one at a time (load-worker.mjs, "previews"). */
export async function readsWithPreviews(
  dir: string,
  url: string,
  o: { readPath: string; connections: number; warmupMs: number; quietMs: number; gapMs: number; previews: { label: string; markdown: string }[]; plainMarkdown: string },
): Promise<PreviewsResult> {
  const file = writeConfig(dir, { mode: "previews", url, ...o });
  const seconds = (o.warmupMs + o.quietMs) / 1000 + o.previews.length * (o.gapMs / 1000 + 10);
  return JSON.parse(await pinned(["bench/lib/load-worker.mjs", file], (seconds + 60) * 1000)) as PreviewsResult;
}
