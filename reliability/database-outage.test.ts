/**
 * The PostgreSQL server goes away while the forum runs (issue 25, "Faults"): pages answer at
 * once with a clear 503 "temporarily unavailable" (cached signed-out pages still served), the
 * process stays up, and the forum serves again by itself when the server is back.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { freshPostgresDatabase, type FreshDatabase } from "./lib/postgres";
import { startForum, stopForum, type Forum } from "./lib/forum-process";
import { startRelay, type Relay } from "./lib/tcp-proxy";

let database: FreshDatabase | null = null;
let relay: Relay;
let forum: Forum;

before(async () => {
  database = await freshPostgresDatabase();
  if (!database) return;
  const server = new URL(database.url);
  relay = await startRelay({ host: server.hostname, port: Number(server.port || 5432) });
  const viaRelay = new URL(database.url);
  viaRelay.host = `127.0.0.1:${relay.port}`;
  forum = await startForum({ DATABASE_URL: viaRelay.toString(), PAGE_CACHE_TTL_SECONDS: "600" });
});

after(async () => {
  if (forum) await stopForum(forum);
  await relay?.close();
  await database?.drop();
});

async function timed(path: string, init?: RequestInit) {
  const started = performance.now();
  const res = await fetch(forum.url + path, { ...init, signal: AbortSignal.timeout(20_000) });
  const body = await res.text();
  return { res, body, ms: performance.now() - started };
}

test("a database outage answers 503 at once, keeps cached pages, and heals by itself", async (t) => {
  if (!database) return t.skip("no PostgreSQL server reachable");
  const home = await timed("/");
  assert.equal(home.res.status, 200);
  assert.equal((await timed("/search?q=peer")).res.status, 200);

  await relay.cut();
  const first = await timed("/search?q=peer");
  assert.equal(first.res.status, 503, `the first page after the cut: ${first.res.status}\n${forum.log().slice(-2000)}`);
  assert.match(first.body, /temporarily unavailable/i);
  assert.ok(first.ms < 8_000, `the first page took ${first.ms} ms`);
  assert.equal(first.res.headers.get("retry-after"), "5");
  assert.match(first.res.headers.get("content-security-policy") ?? "", /default-src/);

  const during: number[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await timed(`/search?q=outage${i}`);
    assert.equal(r.res.status, 503);
    during.push(r.ms);
  }
  const api = await timed("/api/questions/1/answers", { method: "POST", headers: { "content-type": "application/json", origin: forum.url }, body: JSON.stringify({ body: "x".repeat(40) }) });
  assert.equal(api.res.status, 503);
  assert.match(api.res.headers.get("content-type") ?? "", /application\/json/);
  const cached = await timed("/");
  assert.equal(cached.res.status, 200, "the home page the cache holds is still served");
  assert.equal(cached.res.headers.get("x-forum-cache"), "HIT");
  assert.equal(forum.child.exitCode, null, "the server is still running");

  await relay.mend();
  const mendedAt = performance.now();
  let healed = -1;
  while (performance.now() - mendedAt < 20_000) {
    if ((await timed("/search?q=back")).res.status === 200) {
      healed = performance.now() - mendedAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(healed >= 0, `the forum did not come back within 20 s of the server:\n${forum.log().slice(-2000)}`);
  const slowest = Math.max(...during);
  console.log(`database outage: first page 503 in ${first.ms.toFixed(0)} ms, 20 more in at most ${slowest.toFixed(0)} ms each, cached home page served, back ${healed.toFixed(0)} ms after the server`);
});
