/**
 * Everything before the load: a fresh database (an embedded directory, or a PostgreSQL
 * database created for the run and dropped after), the generated data set, and the
 * measurements that need the database to themselves (probe.ts, the counting server).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { DatabaseTarget } from "../../lib/db/config";
import type { LoadResult as Dataset } from "./load";
import type { ProbeResult } from "./probe";
import { startPinned, stop, waitForHttp } from "./processes";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

export const POSTING_MEMBERS = 400;

export type Target = { label: string; db: DatabaseTarget; env: Record<string, string>; drop: () => Promise<void> };
export type GeneratedSet = Dataset & { seconds: number };

export function embeddedTarget(dir: string, name: string): Target {
  const dataDir = path.join(dir, name);
  return { label: "embedded (PGlite)", db: { kind: "pglite", dataDir }, env: { DATA_DIR: dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

/** A fresh database on the server `adminUrl` points at, dropped by `drop()`. */
export async function postgresTarget(adminUrl: string, name: string): Promise<Target> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    label: "PostgreSQL",
    db: { kind: "postgres", url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
    },
  };
}

const targetArgs = (t: Target) => (t.db.kind === "postgres" ? ["--database-url", t.db.url] : ["--data-dir", (t.db as { dataDir: string }).dataDir]);

export async function generateDataSet(t: Target, questions: number, seed: number): Promise<GeneratedSet> {
  // Enough members that posting at the target rate stays within each member's write budget
  // (lib/rules.ts trust.writesPerMemberPerMinute): the scenario is many members, not one bot.
  const members = Math.max(POSTING_MEMBERS, Math.round(questions / 30));
  const args = ["--import", "tsx", "bench/generate.ts", "--questions", String(questions), "--seed", String(seed), "--members", String(members), "--thread-answers", "30", ...targetArgs(t)];
  const { stdout } = await run(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 3 * 3_600_000 });
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_DATASET "));
  if (!line) throw new Error(`generate.ts printed no result:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice("BENCH_DATASET ".length)) as GeneratedSet;
}

export async function probe(t: Target, threads: { many: number; one: number }, search: { queries: string[]; warmup: string[] }, dir: string): Promise<ProbeResult> {
  const file = path.join(dir, `probe-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify({ target: t.db, threads, ...search }));
  const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/lib/probe.ts", file], { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 30 * 60_000 });
  const line = stdout.split("\n").find((l) => l.startsWith("BENCH_PROBE "));
  if (!line) throw new Error(`probe.ts printed no result:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice("BENCH_PROBE ".length)) as ProbeResult;
}

export type PageQueries = { label: string; count: number; statements: string[] }[];

/**
 * SQL statements per whole render, counted by a query-logging copy of the server: a first
 * render (the page cache, the thread data and the members kept in memory all emptied), and for
 * pages marked `repeat` also the next render of the same page, which may take the thread's
 * data and the reader's session from memory.
 */
export async function countPageQueries(env: NodeJS.ProcessEnv, port: number, dir: string, pages: { label: string; path: string; cookie?: string; repeat?: boolean }[]): Promise<PageQueries> {
  // From the sources through tsx, as server.ts runs in development: it is a copy of server.ts.
  const proc = startPinned("counting-server", ["--conditions=react-server", "--import", "tsx", "bench/lib/counting-server.ts"], { ...env, PORT: String(port) }, dir);
  const base = `http://127.0.0.1:${port}`;
  const out: PageQueries = [];
  const render = async (page: { path: string; cookie?: string }) => {
    const res = await fetch(`${base}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : undefined, redirect: "manual" });
    await res.arrayBuffer();
    // A render that fails or redirects would count the wrong thing.
    if (res.status !== 200) throw new Error(`${page.path} answered ${res.status} on the counting server`);
  };
  const counted = async (label: string) => {
    const { statements } = (await (await fetch(`${base}/__bench/queries`)).json()) as { statements: string[] };
    const kept = statements.filter((s) => !s.includes(`"viewCount" = q."viewCount"`));
    out.push({ label, count: kept.length, statements: kept });
  };
  try {
    await waitForHttp(proc, `${base}/__bench/queries`);
    for (const page of pages) {
      await render(page);
      // Let the batched view-count write go by, then count one first render alone.
      await new Promise((r) => setTimeout(r, 2500));
      const cold = await fetch(`${base}/__bench/queries?cold=1`);
      if (!cold.ok) throw new Error(`The counting server could not empty its caches: ${await cold.text()}`);
      await cold.arrayBuffer();
      await render(page);
      await counted(page.label);
      if (page.repeat) {
        await render(page);
        await counted(`${page.label}, repeat`);
      }
    }
  } finally {
    await stop(proc);
  }
  return out;
}
