/**
 * The soak (issue 25, "Load"): readers and writers mixed on loopback for a warm-up and then
 * SOAK_SECONDS (20 in `npm test`, 300 in `npm run test:reliability`) against the built forum on
 * its embedded database. No request may fail, what the server holds after a full collection
 * must stay flat after the warm-up, and the points ledger must add up at the end. It prints
 * requests served, errors, latency, RSS each second and the heap after collection at the end
 * of the warm-up and at the end.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { db } from "../lib/db";
import { startDatabase, stopDatabase } from "../lib/db/start";
import { forumMemory, startForum, stopForum } from "./lib/forum-process";
import { createMembers, ledgerMismatches, TEST_AUTH_SECRET, type Member } from "./lib/members";

const SECONDS = Number(process.env.SOAK_SECONDS) || 20;
// Before the measured SECONDS: every route's code loaded and compiled, the caches filled (in a
// 90 s run the heap after collection stops growing by about 15 s).
const WARM_SECONDS = 20;
const READERS = 6;
const WRITES_PER_SECOND = 3;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-soak-"));
const env = { DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: TEST_AUTH_SECRET, PAGE_CACHE_TTL_SECONDS: "5" };

after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

test(`a ${SECONDS} s soak of readers and writers: no errors, flat memory, whole ledger`, { timeout: (WARM_SECONDS + SECONDS + 600) * 1000 }, async () => {
  await stopForum(await startForum(env));
  await startDatabase({ kind: "pglite", dataDir });
  let members: Member[];
  let thread: string;
  try {
    // The per-member write budget (30 a minute) is spread over enough members never to refuse.
    members = await createMembers(Math.ceil((WRITES_PER_SECOND * 60) / 20) + 2, "soaker");
    const q = await db.question.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, slug: true } });
    thread = `/questions/${q.id}/${q.slug}`;
  } finally {
    await stopDatabase();
  }
  const flagship = Number(thread.split("/")[2]);

  const forum = await startForum(env, undefined, ["--expose-gc"]);
  const latencies: number[] = [];
  const errors: string[] = [];
  let served = 0;
  const request = async (pathname: string, init?: RequestInit) => {
    const started = performance.now();
    try {
      const res = await fetch(forum.url + pathname, { ...init, signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      if (res.status >= 400) errors.push(`${init?.method ?? "GET"} ${pathname}: ${res.status}`);
      else served++;
    } catch (err) {
      errors.push(`${pathname}: ${(err as Error).message}`);
    }
    latencies.push(performance.now() - started);
  };
  const readerPaths = ["/", thread, "/search?q=peer+to+peer", "/tags", "/leaderboard", `${thread}?answers=newest`, "/categories"];

  const startRss = rssOf(forum.pid);
  let warmRss = 0;
  const warmAt = Date.now() + WARM_SECONDS * 1000;
  const endAt = warmAt + SECONDS * 1000;
  const readers = Array.from({ length: READERS }, async (_, r) => {
    for (let i = r; Date.now() < endAt; i++) {
      const member = i % 3 === 0 ? members[i % members.length] : undefined; // a third read signed in
      await request(readerPaths[i % readerPaths.length]!, member ? { headers: { cookie: member.cookie } } : undefined);
    }
  });
  const writer = (async () => {
    for (let i = 0; Date.now() < endAt; i++) {
      const member = members[i % members.length]!;
      const started = Date.now();
      await request(`/api/questions/${flagship}/answers`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: forum.url, cookie: member.cookie },
        body: JSON.stringify({ body: `Soak answer ${i}: steady writes while readers read, to show memory stays flat.` }),
      });
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / WRITES_PER_SECOND - (Date.now() - started))));
    }
  })();
  // What the server holds after a full collection, at the end of the warm-up and at the end.
  const retained = async () => {
    const { memory, collected } = await forumMemory(dataDir);
    assert.ok(collected, "the forum ran with --expose-gc");
    return { heap: memory.heapUsed + memory.external, rss: memory.rss };
  };
  let warmRetained = 0;
  const warmed = new Promise<void>((resolve) =>
    setTimeout(async () => {
      ({ heap: warmRetained, rss: warmRss } = await retained());
      resolve();
    }, warmAt - Date.now()),
  );
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssOf(forum.pid)), 1000);
  await Promise.all([...readers, writer, warmed]);
  clearInterval(sampler);
  const { heap: endRetained, rss: endRss } = await retained();
  console.log(`RSS each second (MB): ${samples.map((b) => (b / 2 ** 20).toFixed(0)).join(" ")}; heap after GC: warm ${mb(warmRetained)}, end ${mb(endRetained)}`);
  await stopForum(forum);

  await startDatabase({ kind: "pglite", dataDir });
  let mismatches;
  try {
    mismatches = await ledgerMismatches();
  } finally {
    await stopDatabase();
  }
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
  console.log(
    `soak ${WARM_SECONDS} s + ${SECONDS} s: ${served} requests served (${(served / (WARM_SECONDS + SECONDS)).toFixed(0)}/s), ${errors.length} errors, p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; ` +
      `RSS start ${mb(startRss)}, after GC at warm-up ${mb(warmRss)} and at the end ${mb(endRss)}; ledger mismatches ${mismatches.length}`,
  );
  assert.deepEqual(errors.slice(0, 10), [], "no request failed");
  assert.deepEqual(mismatches, [], "the ledger adds up");
  // Flat: what the server holds after a full collection may grow by caches filling to their
  // bounds, not with every request. Both are read after a collection: V8 lets garbage pile up
  // to hundreds of MB between major ones, so an RSS reading at any moment says when one last ran.
  assert.ok(endRetained <= warmRetained * 1.15, `the heap after GC grew from ${mb(warmRetained)} after warm-up to ${mb(endRetained)}`);
  assert.ok(endRss <= warmRss * 1.25, `RSS after GC grew from ${mb(warmRss)} after warm-up to ${mb(endRss)}`);
});
