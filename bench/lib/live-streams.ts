/**
 * Row m: live threads (issue 23). Opens N idle server-sent-events streams on the 30-answer
 * thread (`/_forum/live?thread=<id>`, each from its own address through X-Forwarded-For, as
 * readers behind the one trusted proxy), holds them past a heartbeat, and reads from the server:
 * how many it holds, its RSS growth per stream, and how long one write (a moderator's upvote,
 * then the same vote taken back) takes to reach every stream. Also runnable alone against a
 * running forum: bench/live-streams.ts.
 */
import http from "node:http";
import { rssMb } from "./processes";

export type LiveStreamsInput = {
  base: string;
  threadPath: string;
  serverPid: number;
  /** A session cookie of a member who may vote on the thread's answers (the bench's moderator). */
  voterCookie: string;
  /** Where the writes go: another app server sharing Redis, to time the fan-out across servers (default `base`). */
  writeBase?: string;
  streams: number;
  holdSeconds: number;
  log: (line: string) => void;
};

export type LiveStreamsResult = {
  opened: number;
  held: number;
  refused: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  kbPerStream: number;
  heartbeats: number;
  /** Per write: ms from sending it to the first and to the last stream's event, and streams reached. */
  fanOut: { firstMs: number; lastMs: number; reached: number; writeMs: number }[];
};

type Stream = { req: http.ClientRequest; status: number; threadEvents: number; heartbeats: number; closed: boolean; lastEventAt: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// One address per stream: 10.x.y.z from the stream's index (the forum caps streams per address).
const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

function openStream(url: string, i: number): Promise<Stream> {
  return new Promise((resolve) => {
    const stream: Stream = { req: null as unknown as http.ClientRequest, status: 0, threadEvents: 0, heartbeats: 0, closed: false, lastEventAt: 0 };
    stream.req = http.get(url, { agent: false, headers: { "x-forwarded-for": addressOf(i), accept: "text/event-stream" } }, (res) => {
      stream.status = res.statusCode ?? 0;
      res.setEncoding("utf8");
      let firstEvent = true;
      res.on("data", (chunk: string) => {
        // Frames are small and written whole; a chunk holds whole frames.
        const events = chunk.split("event: thread").length - 1;
        if (events) {
          stream.threadEvents += events;
          stream.lastEventAt = performance.now();
          if (firstEvent) {
            firstEvent = false;
            resolve(stream);
          }
        }
        stream.heartbeats += chunk.match(/(?:^|\n):\n\n/g)?.length ?? 0;
      });
      res.on("close", () => (stream.closed = true));
      if (stream.status !== 200) {
        res.resume();
        resolve(stream);
      }
    });
    stream.req.on("error", () => {
      stream.closed = true;
      resolve(stream);
    });
  });
}

async function vote(base: string, cookie: string, answerId: number): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}/api/votes`, {
    method: "POST",
    headers: { cookie, accept: "application/json", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.255.255.254" },
    body: new URLSearchParams({ postType: "answer", postId: String(answerId), direction: "up" }),
  });
  if (!res.ok) throw new Error(`the vote that makes the event answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  await res.arrayBuffer();
  return performance.now() - started;
}

export async function measureLiveStreams({ base, threadPath, serverPid, voterCookie, writeBase = base, streams: n, holdSeconds, log }: LiveStreamsInput): Promise<LiveStreamsResult> {
  const threadId = Number(/^\/questions\/(\d+)/.exec(threadPath)?.[1]);
  const html = await (await fetch(`${base}${threadPath}`)).text();
  const answerId = Number(/id="answer-(\d+)"/.exec(html)?.[1]);
  if (!threadId || !answerId) throw new Error(`no thread or answer at ${threadPath}`);
  const url = `${base}/_forum/live?thread=${threadId}`;

  await sleep(2_000);
  const rssBeforeMb = rssMb(serverPid);
  const streams: Stream[] = [];
  // In batches, as readers arrive, not as one burst that overflows the listen backlog.
  for (let i = 0; i < n; i += 100) streams.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, j) => openStream(url, i + j)))));
  const opened = streams.filter((s) => s.status === 200 && !s.closed).length;
  log(`  live: ${opened} of ${n} streams open; holding them ${holdSeconds} s`);
  await sleep(holdSeconds * 1000);
  const rssAfterMb = rssMb(serverPid);
  const live = streams.filter((s) => s.status === 200 && !s.closed);

  const fanOut: LiveStreamsResult["fanOut"] = [];
  // The upvote, then the same vote taken back (the thread is as it was for the rows after).
  for (let round = 0; round < 2; round++) {
    const before = live.map((s) => s.threadEvents);
    const sentAt = performance.now();
    const writeMs = await vote(writeBase, voterCookie, answerId);
    const deadline = Date.now() + 10_000;
    while (live.some((s, i) => s.threadEvents === before[i]) && Date.now() < deadline) await sleep(2);
    const reached = live.filter((s, i) => s.threadEvents > before[i]!);
    const times = reached.map((s) => s.lastEventAt - sentAt);
    fanOut.push({ firstMs: Math.min(...times), lastMs: Math.max(...times), reached: reached.length, writeMs });
    await sleep(500);
  }
  const held = live.filter((s) => !s.closed).length;
  const heartbeats = Math.min(...live.map((s) => s.heartbeats));
  for (const s of streams) s.req.destroy();
  return {
    opened,
    held,
    refused: streams.filter((s) => s.status !== 200).length,
    rssBeforeMb,
    rssAfterMb,
    kbPerStream: opened ? ((rssAfterMb - rssBeforeMb) * 1024) / opened : NaN,
    heartbeats: Number.isFinite(heartbeats) ? heartbeats : 0,
    fanOut,
  };
}
