/**
 * Generates a realistic data set, deterministically from a seed, into an embedded database
 * directory or a PostgreSQL database:
 *
 *   tsx bench/generate.ts --questions 100000 [--seed 42] [--thread-answers 30] [--members M]
 *                         [--data-dir /tmp/forum-bench-x | --database-url postgres://...]
 *
 * The last line of output is `BENCH_DATASET {json}` (thread URLs, member and moderator ids) for
 * bench/run.ts.
 */
import path from "node:path";
import { db } from "../lib/db";
import { startDatabase, stopDatabase } from "../lib/db/start";
import { seedDatabase } from "../prisma/seed";
import { startMarkdownWorkers, stopMarkdownWorkers } from "../server/markdown-workers";
import { readArgs } from "./lib/args";
import { loadDataSet } from "./lib/load";

const usage = "Usage: tsx bench/generate.ts --questions N [--seed S] [--members M] [--thread-answers 30] [--data-dir DIR | --database-url URL]";

async function main() {
  const args = readArgs(process.argv.slice(2), usage);
  const questions = Math.floor(args.number("questions", 1000));
  const seed = Math.floor(args.number("seed", 42));
  const members = Math.floor(args.number("members", Math.max(50, Math.round(questions / 30))));
  const threadAnswers = Math.min(30, Math.floor(args.number("thread-answers", 0)));
  const url = args.string("database-url");
  const dataDir = args.string("data-dir");
  if (questions < 3) throw new Error(`--questions must be at least 3.\n${usage}`);
  if (!url && !dataDir) throw new Error(`Name the target: --data-dir or --database-url.\n${usage}`);
  if (dataDir && path.resolve(dataDir) === path.resolve(".data")) throw new Error("Refusing to generate into the forum's own ./.data.");

  const started = performance.now();
  const { description } = await startDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: path.resolve(dataDir!) });
  // The seed's posts are rendered as the forum renders them, in its Markdown workers; the
  // generated ones come from a pool rendered in this thread (bench/lib/texts.ts).
  startMarkdownWorkers();
  try {
    await seedDatabase();
    if (await db.setting.findUnique({ where: { key: "bench:dataset" }, select: { key: true } })) {
      throw new Error(`${description} already holds a generated data set: use a fresh directory or database.`);
    }
    console.log(`Generating ${questions.toLocaleString("en-US")} questions (seed ${seed}) into ${description}...`);
    const loadStart = performance.now();
    const result = await loadDataSet({ questions, seed, threadAnswers, members }, (done) => {
      const s = (performance.now() - loadStart) / 1000;
      console.log(`  ${done.toLocaleString("en-US")} questions, ${s.toFixed(0)} s`);
    });
    // Planner statistics for the fresh rows, as an operator runs after any bulk load (PGlite has
    // no autovacuum; the forum's server vacuums it at start, but the harness's SQL-only probe
    // runs before any server does).
    const analyze = performance.now();
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    console.log(`VACUUM ANALYZE in ${((performance.now() - analyze) / 1000).toFixed(1)} s.`);
    const seconds = (performance.now() - started) / 1000;
    for (const [k, v] of Object.entries(result.counts)) console.log(`  ${k.padEnd(14)} ${v.toLocaleString("en-US").padStart(10)}`);
    console.log(`Done in ${seconds.toFixed(1)} s (load ${((performance.now() - loadStart) / 1000).toFixed(1)} s).`);
    if (threadAnswers > 0) {
      console.log(`Thread with ${result.threads.many.answers} answers: ${result.threads.many.url}`);
      console.log(`Thread with ${result.threads.one.answers} answer:  ${result.threads.one.url}`);
      console.log(`Locked thread with ${result.threads.locked.answers} answers: ${result.threads.locked.url}`);
    }
    console.log(`Moderator: ${result.moderator.username} (id ${result.moderator.id})`);
    console.log(`BENCH_DATASET ${JSON.stringify({ ...result, seconds })}`);
  } finally {
    await stopMarkdownWorkers();
    await stopDatabase();
  }
}

main().catch((err: Error) => {
  console.error(`generate: ${err.message.slice(0, 2000)}`);
  process.exit(1);
});
