import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type Redis from "ioredis";
import { listenToCluster, publishToCluster, type ClusterMessage } from "../lib/cluster-bus";
import { consume } from "../lib/rate-limit";
import { createRedisStore } from "../lib/rate-limit/redis-store";
import { openTestRedis, skipReason, testPrefix } from "./helpers/redis";

// Two connections stand for two app servers behind a load balancer.
let serverA: Redis | null = null;
let serverB: Redis | null = null;

before(async () => {
  serverA = await openTestRedis();
  serverB = serverA && (await openTestRedis());
});
after(async () => {
  await serverA?.quit();
  await serverB?.quit();
});

const rule = { limit: 10, windowMs: 60_000 };

describe("rate limits in Redis", () => {
  test("two servers count against one limit", async (t) => {
    if (!serverA || !serverB) return t.skip(skipReason);
    const prefix = testPrefix();
    const [a, b] = [createRedisStore(serverA, prefix), createRedisStore(serverB, prefix)];
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(await a.consume("post:member:1", rule), { ok: true });
      assert.deepEqual(await b.consume("post:member:1", rule), { ok: true });
    }
    const refused = await a.consume("post:member:1", rule);
    assert.equal(refused.ok, false);
    assert.ok(!refused.ok && refused.retryAfterSeconds > 0 && refused.retryAfterSeconds <= 60);
    assert.equal((await b.check("post:member:1", rule)).ok, false);
    // A refused attempt is not counted, and other keys are untouched.
    assert.equal(await b.attemptsIn("post:member:1"), 10);
    assert.deepEqual(await b.consume("post:member:2", rule), { ok: true });
  });

  test("concurrent attempts from both servers never exceed the limit", async (t) => {
    if (!serverA || !serverB) return t.skip(skipReason);
    const prefix = testPrefix();
    const stores = [createRedisStore(serverA, prefix), createRedisStore(serverB, prefix)] as const;
    const verdicts = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 2 ? 1 : 0].consume("login:ip:10.0.0.1", rule)));
    assert.equal(verdicts.filter((v) => v.ok).length, 10);
  });

  test("the window expires, and reset clears it everywhere", async (t) => {
    if (!serverA || !serverB) return t.skip(skipReason);
    const prefix = testPrefix();
    const [a, b] = [createRedisStore(serverA, prefix), createRedisStore(serverB, prefix)];
    const short = { limit: 1, windowMs: 300 };
    assert.equal((await a.consume("k", short)).ok, true);
    assert.equal((await b.consume("k", short)).ok, false);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal((await b.consume("k", short)).ok, true);
    await a.reset("k");
    assert.equal(await b.attemptsIn("k"), 0);
    assert.equal((await b.check("k", short)).ok, true);
  });

  test("without REDIS_URL the limits count in this process", async () => {
    assert.equal(process.env.REDIS_URL ?? "", "");
    const key = `memory:${testPrefix()}`;
    assert.equal((await consume(key, { limit: 1, windowMs: 60_000 })).ok, true);
    const refused = await consume(key, { limit: 1, windowMs: 60_000 });
    assert.ok(!refused.ok && refused.retryAfterSeconds === 60);
  });
});

describe("messages between app servers", () => {
  test("an invalidation reaches the other server, not its sender", async (t) => {
    if (!serverA || !serverB) return t.skip(skipReason);
    const channel = `${testPrefix()}cluster`;
    const subA = serverA.duplicate();
    const subB = serverB.duplicate();
    const heardA: ClusterMessage[] = [];
    const heardB: ClusterMessage[] = [];
    try {
      await Promise.all([subA.connect(), subB.connect()]);
      await listenToCluster({ onMessage: (m) => void heardA.push(m), onReconnect: () => {} }, subA, channel, "server-a");
      await listenToCluster({ onMessage: (m) => void heardB.push(m), onReconnect: () => {} }, subB, channel, "server-b");
      publishToCluster({ type: "invalidate", tags: ["question:7", "lists"] }, serverA, channel, "server-a");
      publishToCluster({ type: "rules" }, serverA, channel, "server-a");
      await waitFor(() => heardB.length === 2);
      assert.deepEqual(heardB, [{ type: "invalidate", tags: ["question:7", "lists"] }, { type: "rules" }]);
      assert.deepEqual(heardA, []);
    } finally {
      subA.disconnect();
      subB.disconnect();
    }
  });

  test("a server that lost its connection drops its cache when it is back", async (t) => {
    if (!serverA) return t.skip(skipReason);
    const sub = serverA.duplicate();
    let reconnects = 0;
    try {
      await sub.connect();
      await listenToCluster({ onMessage: () => {}, onReconnect: () => void reconnects++ }, sub, `${testPrefix()}cluster`, "server-a");
      // Kill the connection from Redis's side, as a Redis restart would.
      const id = await sub.client("ID");
      await serverA.client("KILL", "ID", String(id));
      await waitFor(() => reconnects === 1, 5_000);
    } finally {
      sub.disconnect();
    }
  });
});

async function waitFor(done: () => boolean, ms = 2_000) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}
