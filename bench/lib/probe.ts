/**
 * In-process measurements, in a process of their own (an embedded database has one owner, so
 * this runs before the server starts): SQL statements per findThread() from Prisma's query
 * events, and the pure SQL time of searchQuestions() when lib/data/search.ts exists.
 *   node --conditions=react-server --import tsx bench/lib/probe.ts <config.json>
 */
import fs from "node:fs";
import path from "node:path";
import { db } from "../../lib/db";
import { startDatabase, stopDatabase } from "../../lib/db/start";
import type { DatabaseTarget } from "../../lib/db/config";
import { findThread } from "../../lib/data/thread";

type Config = { target: DatabaseTarget; threads: { many: number; one: number }; queries: string[]; warmup: string[] };
export type ProbeResult = {
  findThread: { one: number; many: number; statements: string[] };
  search: { available: true; count: number; p50: number; p95: number; max: number } | { available: false; note: string };
};

const BUDGET_MS = 90_000;
const root = path.resolve(import.meta.dirname, "../..");
let statements: string[] = [];
// The client's type only knows $on("query") when logging is fixed at compile time.
const onQuery = (cb: (e: { query: string }) => void) => (db.$on as unknown as (ev: "query", cb: (e: { query: string }) => void) => void)("query", cb);

async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  statements = [];
  await fn();
  // Query events arrive just after the driver answers: let them land.
  await new Promise((r) => setTimeout(r, 20));
  return statements.length;
}

async function timeSearch(queries: string[], warmup: string[]): Promise<ProbeResult["search"]> {
  if (!fs.existsSync(path.join(root, "lib/data/search.ts"))) return { available: false, note: "lib/data/search.ts is absent" };
  const mod = (await import("../../lib/data/search.ts" as string)) as { searchQuestions?: (i: { q: string }) => Promise<unknown> };
  if (typeof mod.searchQuestions !== "function") return { available: false, note: "lib/data/search.ts has no searchQuestions" };
  for (const q of warmup) await mod.searchQuestions({ q });
  const times: number[] = [];
  const deadline = performance.now() + BUDGET_MS;
  for (const q of queries) {
    // A slow search would take hours over 200 queries: stop at the budget, report what ran.
    if (performance.now() > deadline && times.length >= 10) break;
    const t0 = performance.now();
    await mod.searchQuestions({ q });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { available: true, count: times.length, p50: at(0.5), p95: at(0.95), max: times.at(-1) ?? 0 };
}

async function main() {
  const cfg = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as Config;
  await startDatabase(cfg.target, { logQueries: true });
  try {
    onQuery((e) => statements.push(e.query));
    await findThread(cfg.threads.many); // the first call pays for connections and plans
    const one = await countStatements(() => findThread(cfg.threads.one));
    const many = await countStatements(() => findThread(cfg.threads.many));
    const shown = statements.map((s) => s.replace(/\s+/g, " ").slice(0, 160));
    const result: ProbeResult = { findThread: { one, many, statements: shown }, search: await timeSearch(cfg.queries, cfg.warmup) };
    process.stdout.write(`BENCH_PROBE ${JSON.stringify(result)}\n`);
  } finally {
    await stopDatabase();
  }
}

main().catch((err: Error) => {
  console.error(`probe: ${err.message.slice(0, 2000)}`);
  process.exit(1);
});
