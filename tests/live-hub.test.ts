/**
 * The live hub (lib/live/hub.ts): two hubs stand for two app servers, each hearing the other's
 * writes through the Redis channel that carries page-cache invalidations (lib/cluster-bus.ts),
 * as server.ts wires them. Their thread's state comes from a shared fake "database".
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type Redis from "ioredis";
import { listenToCluster, publishToCluster } from "../lib/cluster-bus";
import { HEARTBEAT, LiveHub, versionOf, type LiveConnection, type LiveSource, type MemberState, type ThreadState } from "../lib/live/hub";
import { openTestRedis, skipReason, testPrefix } from "./helpers/redis";

/** A stream as a list of the events it was sent. */
class Stream implements LiveConnection {
  frames: string[] = [];
  closed = false;
  send(frame: string) {
    this.frames.push(frame);
  }
  close() {
    this.closed = true;
  }
  get threads(): { id: string; state: ThreadState }[] {
    return this.frames.filter((f) => f.includes("event: thread")).map((f) => ({ id: /^id: (.*)$/m.exec(f)![1]!, state: JSON.parse(/^data: (.*)$/m.exec(f)![1]!) as ThreadState }));
  }
  get members(): MemberState[] {
    return this.frames.filter((f) => f.includes("event: member")).map((f) => JSON.parse(/^data: (.*)$/m.exec(f)![1]!) as MemberState);
  }
}

/** The "database": one thread, answers added one at a time; reads take a while, as real ones do. */
function fakeForum(readMs = () => 0) {
  const forum = { state: { q: 0, a: [], best: null, c: [] } as ThreadState, reads: 0, member: { unread: 0, points: 1 } as MemberState | null };
  const source: LiveSource = {
    async thread(id) {
      forum.reads++;
      const copy = structuredClone(forum.state);
      await new Promise((r) => setTimeout(r, readMs()));
      return id === 7 ? copy : null;
    },
    async member() {
      return forum.member && { ...forum.member };
    },
  };
  return { forum, source };
}

const until = async (what: string, check: () => boolean, ms = 3_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("one server", () => {
  test("a new stream gets the state; a stream that comes back with its version gets nothing until a change", async () => {
    const { forum, source } = fakeForum();
    const hub = new LiveHub(source);
    const first = new Stream();
    const leave = await hub.join(first, { thread: 7 });
    assert.ok(leave);
    assert.equal(first.threads.length, 1);
    const version = first.threads[0]!.id;
    assert.equal(version, versionOf(forum.state));

    // Reconnect with Last-Event-ID: already up to date, nothing sent.
    const back = new Stream();
    await hub.join(back, { thread: 7, lastEventId: version });
    assert.equal(back.threads.length, 0);
    // Reconnect with an older id: the current state, once.
    const behind = new Stream();
    await hub.join(behind, { thread: 7, lastEventId: "an-older-version" });
    assert.deepEqual(behind.threads.map((t) => t.id), [version]);

    forum.state.a.push([101, 0]);
    hub.pagesDropped(["question:7", "lists"]);
    await until("the change", () => back.threads.length === 1);
    for (const s of [first, back, behind]) assert.deepEqual(s.threads.at(-1)!.state.a, [[101, 0]]);
    // A drop that changed nothing the readers see (a follow, a re-rendered body) sends nothing.
    hub.pagesDropped(["question:7"]);
    hub.pagesDropped(["question:8", "lists"]);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(first.threads.length, 2);
    assert.equal(hub.size, 3);
    leave();
    assert.equal(hub.size, 2);
  });

  test("no such thread: nothing is sent and the stream is not kept", async () => {
    const hub = new LiveHub(fakeForum().source);
    const s = new Stream();
    assert.equal(await hub.join(s, { thread: 8 }), null);
    assert.equal(s.frames.length, 0);
    assert.equal(hub.size, 0);
  });

  test("changes read in order: a stream never goes back to an older state, and ends at the last", async () => {
    const { forum, source } = fakeForum(() => Math.random() * 8);
    const hub = new LiveHub(source);
    const s = new Stream();
    await hub.join(s, { thread: 7 });
    for (let i = 1; i <= 40; i++) {
      forum.state.a.push([i, 0]);
      hub.pagesDropped(["question:7"]);
      if (i % 3 === 0) await new Promise((r) => setTimeout(r, Math.random() * 10));
    }
    await until("the last answer", () => s.threads.at(-1)?.state.a.length === 40);
    const counts = s.threads.map((t) => t.state.a.length);
    assert.deepEqual(counts, [...counts].sort((x, y) => x - y), `states in order: ${counts.join(",")}`);
    assert.equal(new Set(s.threads.map((t) => t.id)).size, s.threads.length, "no state sent twice");
    // Reads were merged: far fewer than one per change.
    assert.ok(forum.reads < 40, `${forum.reads} reads`);
  });

  test("one heartbeat for every stream, as a comment, only while any is open", async () => {
    const hub = new LiveHub(fakeForum().source, { heartbeatMs: 20 });
    const streams = [new Stream(), new Stream()];
    const leaves = await Promise.all(streams.map((s) => hub.join(s, { thread: 7 })));
    await until("heartbeats", () => streams.every((s) => s.frames.filter((f) => f === HEARTBEAT).length >= 2));
    for (const leave of leaves) leave!();
    const sent = streams[0]!.frames.length;
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(streams[0]!.frames.length, sent);
  });

  test("a member's header: sent on joining and when it changes; an ended session ends the stream", async () => {
    const { forum, source } = fakeForum();
    const hub = new LiveHub(source);
    const s = new Stream();
    await hub.join(s, { thread: 7, member: { id: 5, sessionVersion: 1 } });
    await until("the header", () => s.members.length === 1);
    forum.member = { unread: 2, points: 1 };
    hub.membersChanged([5]);
    await until("the unread count", () => s.members.length === 2);
    assert.deepEqual(s.members.at(-1), { unread: 2, points: 1 });
    hub.membersChanged([6]);
    hub.membersChanged([5]);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(s.members.length, 2, "an unchanged header is not sent again");
    forum.member = null;
    hub.membersChanged(null);
    await until("the stream's end", () => s.closed);
  });
});

describe("two servers through Redis", () => {
  let redisA: Redis | null = null;
  let redisB: Redis | null = null;
  const subscribers: Redis[] = [];
  before(async () => {
    redisA = await openTestRedis();
    redisB = redisA && (await openTestRedis());
  });
  after(async () => {
    for (const r of [redisA, redisB, ...subscribers]) await r?.quit();
  });

  /** A hub as server.ts wires it: invalidations heard on the cluster channel reach its pagesDropped. */
  async function server(name: string, source: LiveSource, channel: string) {
    const hub = new LiveHub(source);
    const sub = (await openTestRedis())!;
    subscribers.push(sub);
    await listenToCluster({ onMessage: (m) => void (m.type === "invalidate" && hub.pagesDropped(m.tags)), onReconnect: () => hub.pagesDropped(null) }, sub, channel, name);
    return hub;
  }

  test("a write on one server reaches the streams on the other, in order, and a stream moving servers catches up", async (t) => {
    if (!redisA || !redisB) return t.skip(skipReason);
    const channel = `${testPrefix()}cluster`;
    const { forum, source } = fakeForum(() => Math.random() * 5);
    const [a, b] = [await server("A", source, channel), await server("B", source, channel)];
    const onA = new Stream();
    const onB = new Stream();
    await a.join(onA, { thread: 7 });
    await b.join(onB, { thread: 7 });

    // Writes on server A: its own page cache drops locally, then tells the others (page-cache.ts).
    for (let i = 1; i <= 20; i++) {
      forum.state.a.push([i, 0]);
      forum.state.q = i;
      a.pagesDropped(["question:7", "lists"]);
      publishToCluster({ type: "invalidate", tags: ["question:7", "lists"] }, redisA, channel, "A");
    }
    await until("server B's stream to reach the last write", () => onB.threads.at(-1)?.state.q === 20);
    await until("server A's too", () => onA.threads.at(-1)?.state.q === 20);
    for (const s of [onA, onB]) {
      const qs = s.threads.map((x) => x.state.q);
      assert.deepEqual(qs, [...qs].sort((x, y) => x - y), `in order: ${qs.join(",")}`);
    }
    const last = onB.threads.at(-1)!.id;
    assert.equal(onA.threads.at(-1)!.id, last, "both servers name the same state alike");

    // The reader's connection drops; meanwhile a write on B; it reconnects to A with its last id.
    forum.state.best = 3;
    b.pagesDropped(["question:7"]);
    publishToCluster({ type: "invalidate", tags: ["question:7"] }, redisB, channel, "B");
    await until("server A hears B's write", () => onA.threads.at(-1)?.state.best === 3);
    const moved = new Stream();
    await a.join(moved, { thread: 7, lastEventId: last });
    assert.equal(moved.threads.length, 1, "the missed state, at once");
    assert.equal(moved.threads[0]!.state.best, 3);
    const upToDate = new Stream();
    await a.join(upToDate, { thread: 7, lastEventId: moved.threads[0]!.id });
    assert.equal(upToDate.threads.length, 0, "nothing missed, nothing sent");
  });
});

test("a thread that cannot be read is an error for the stream, not a missing thread", async () => {
  const { source } = fakeForum();
  let failing = true;
  const flaky: LiveSource = { ...source, thread: (id) => (failing ? Promise.reject(new Error("database away")) : source.thread(id)) };
  const hub = new LiveHub(flaky, { log: () => {} });
  await assert.rejects(hub.join(new Stream(), { thread: 7 }), /database away/);
  assert.equal(hub.size, 0);
  failing = false;
  const s = new Stream();
  assert.ok(await hub.join(s, { thread: 7 }));
  assert.equal(s.threads.length, 1);
});
