/**
 * Live threads end to end on one server, on the real database: the stream the front door
 * serves (server/live-stream.ts), fed by the forum's own writes through the page cache's
 * invalidations and the database's member notices (lib/live/live-events.ts).
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { encode } from "next-auth/jwt";
import { addComment } from "../lib/commands/comment";
import { selectBestAnswer } from "../lib/commands/select-best-answer";
import { castVote } from "../lib/commands/vote";
import type { ThreadState } from "../lib/live/hub";
import { liveHub } from "../lib/live/live-events";
import { frontDoor } from "../server/front-door";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { answerAs, askAs, member } from "./helpers/fixtures";

process.env.AUTH_SECRET = "a test secret, long enough for the key derivation 0123456789";
process.env.LIVE_STREAMS_PER_ADDRESS = "4";

let server: http.Server;
let base = "";
const open: http.ClientRequest[] = [];

before(async () => {
  await openTestDatabase();
  const nothing = (_req: http.IncomingMessage, res: http.ServerResponse) => void res.end();
  server = http.createServer(frontDoor(nothing, nothing));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  for (const req of open) req.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await closeTestDatabase();
});

type Event = { id?: string; event: string; data: string };
type Reader = { status: number; type: string; events: Event[]; text: string; close(): void };

/** Opens a stream and collects its events (or the refusal's text). */
function read(path: string, headers: Record<string, string> = {}): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers, agent: false }, (res) => {
      const reader: Reader = { status: res.statusCode ?? 0, type: String(res.headers["content-type"]), events: [], text: "", close: () => req.destroy() };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        reader.text += chunk;
        const blocks = reader.text.split("\n\n");
        reader.text = blocks.pop()!;
        for (const block of blocks) {
          const fields = Object.fromEntries(block.split("\n").filter((l) => !l.startsWith(":")).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]));
          if (fields.event) reader.events.push(fields as Event);
        }
      });
      resolve(reader);
    });
    req.on("error", reject);
    open.push(req);
  });
}

const threads = (r: Reader) => r.events.filter((e) => e.event === "thread").map((e) => ({ id: e.id!, state: JSON.parse(e.data) as ThreadState }));
const until = async (what: string, check: () => boolean) => {
  const end = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

test("a reader's stream gets the thread's state, then each new answer, comment, score and best answer as they commit", async () => {
  const asker = await member();
  const q = await askAs(asker);
  const reader = await read(`/_forum/live?thread=${q.id}`);
  assert.equal(reader.status, 200);
  assert.match(reader.type, /^text\/event-stream/);
  await until("the first state", () => threads(reader).length === 1);
  assert.deepEqual(threads(reader)[0]!.state, { q: 0, a: [], best: null, c: [] });

  const answer = await answerAs(await member(), q.id);
  await until("the answer", () => threads(reader).at(-1)!.state.a.length === 1);
  assert.deepEqual(threads(reader).at(-1)!.state.a, [[answer.id, 0]]);

  const comment = await addComment(asker, { postType: "answer", postId: answer.id, body: "Until the first loss, then?" });
  await until("the comment", () => threads(reader).at(-1)!.state.c.length === 1);
  assert.ok(comment);

  await castVote(await member("MODERATOR"), { postType: "answer", postId: answer.id, direction: "up" });
  await until("the score", () => threads(reader).at(-1)!.state.a[0]![1] === 1);
  await selectBestAnswer(asker, answer.id);
  await until("the best answer", () => threads(reader).at(-1)!.state.best === answer.id);

  // Back with the last id it had: nothing until the next change, which it gets.
  const last = threads(reader).at(-1)!.id;
  reader.close();
  const back = await read(`/_forum/live?thread=${q.id}`, { "last-event-id": last });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(threads(back).length, 0);
  await answerAs(await member(), q.id, "Then it halves and grows linearly: congestion avoidance.");
  await until("the second answer", () => threads(back).at(-1)?.state.a.length === 2);
  // Or by ?last= (a new EventSource cannot set the header): behind, so the current state at once.
  const behind = await read(`/_forum/live?thread=${q.id}&last=${encodeURIComponent(last)}`);
  await until("the current state", () => threads(behind).length === 1);
  assert.equal(threads(behind)[0]!.state.a.length, 2);
  back.close();
  behind.close();
});

test("a member's stream carries their unread count as it changes", async () => {
  const asker = await member();
  const q = await askAs(asker);
  const token = await encode({ token: { uid: asker.id, sv: 0, sub: String(asker.id) }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token", maxAge: 3600 });
  const stream = await read(`/_forum/live?thread=${q.id}`, { cookie: `authjs.session-token=${token}` });
  const members = () => stream.events.filter((e) => e.event === "member").map((e) => JSON.parse(e.data) as { unread: number; points: number });
  await until("the header", () => members().length === 1);
  const before = members()[0]!.unread;
  await answerAs(await member(), q.id);
  await until("the new notice", () => members().at(-1)!.unread === before + 1);
  stream.close();
});

test("refused: no thread named, no such thread, too many streams from one address", async () => {
  const q = await askAs(await member());
  assert.equal((await read("/_forum/live?thread=abc")).status, 400);
  assert.equal((await read("/_forum/live?thread=999999999")).status, 404);
  await until("earlier streams to close", () => liveHub().size === 0);
  const streams = await Promise.all(Array.from({ length: 4 }, () => read(`/_forum/live?thread=${q.id}`)));
  assert.deepEqual(streams.map((s) => s.status), [200, 200, 200, 200]);
  const fifth = await read(`/_forum/live?thread=${q.id}`);
  assert.equal(fifth.status, 429);
  streams[0]!.close();
  await until("the closed stream to be let go", () => liveHub().size === 3);
  const again = await read(`/_forum/live?thread=${q.id}`);
  assert.equal(again.status, 200);
  for (const s of [...streams, again]) s.close();
  await until("every stream to close", () => liveHub().size === 0);
});

test("a member's pages other than a thread's hold a stream for the header alone; signed out, that is refused", async () => {
  const m = await member();
  const token = await encode({ token: { uid: m.id, sv: 0, sub: String(m.id) }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token", maxAge: 3600 });
  const header = await read("/_forum/live", { cookie: `authjs.session-token=${token}` });
  assert.equal(header.status, 200);
  await until("the header", () => header.events.length === 1);
  assert.equal(header.events[0]!.event, "member");
  header.close();
  assert.equal((await read("/_forum/live")).status, 400);
});
