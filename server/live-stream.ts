/**
 * A thread's live stream (server-sent events), served here in the front door, before any
 * framework: `GET /_forum/live?thread=<id>`. A reader's page opens one (lib/enhance/live-thread.ts)
 * and is sent the thread's state whenever it changes, and a signed-in member also what their
 * header shows (lib/live/hub.ts); a member's other pages open `GET /_forum/live` for the header alone. An idle stream is a socket and a few small objects: no timer
 * of its own (one heartbeat for all), no framework, no database work after it opened.
 *
 * Each address may hold LIVE_STREAMS_PER_ADDRESS streams (a reader's tabs; 429 beyond, and the
 * page retries later); the server as a whole LIVE_STREAMS_MAX.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { findSessionMember } from "../lib/auth/session-member";
import { cookieJar, readSessionToken } from "../lib/auth/session-token";
import { liveHub } from "../lib/live/live-events";
import { processState } from "../lib/process-state";
import { hasSessionCookie } from "./anonymous-cache";

export const LIVE_PATH = "/_forum/live";

// 100 by default: one address may be a whole office behind its NAT, each reader with tabs open.
const perAddressLimit = () => Math.max(1, Number.parseInt(process.env.LIVE_STREAMS_PER_ADDRESS ?? "", 10) || 100);
const serverLimit = () => Math.max(1, Number.parseInt(process.env.LIVE_STREAMS_MAX ?? "", 10) || 10_000);
// A reader that stopped reading (its socket's buffer full) is dropped rather than buffered for.
const MAX_BUFFERED_BYTES = 256 * 1024;

const open = processState("live-streams-per-address", () => ({ byAddress: new Map<string, number>(), total: 0 }));

export async function serveLiveStream(req: IncomingMessage, res: ServerResponse, url: URL, address: string): Promise<void> {
  if (req.method !== "GET") return refuse(res, 405, "A live stream is read with GET.");
  const raw = url.searchParams.get("thread");
  const thread = raw === null ? null : /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(thread)) return refuse(res, 400, "Name the thread: /_forum/live?thread=<question id>.");
  const held = open.byAddress.get(address) ?? 0;
  if (held >= perAddressLimit() || open.total >= serverLimit()) {
    res.setHeader("Retry-After", "60");
    return refuse(res, 429, "Too many live streams from your address. The page still works; it updates when you reload.");
  }
  open.byAddress.set(address, held + 1);
  open.total++;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    open.total--;
    const n = (open.byAddress.get(address) ?? 1) - 1;
    if (n > 0) open.byAddress.set(address, n);
    else open.byAddress.delete(address);
  };
  // The response's close: the reader went away (or, for a refusal below, the answer was sent).
  let leave: (() => void) | null = null;
  let closed = false;
  res.once("close", () => {
    closed = true;
    release();
    leave?.();
  });

  try {
    const session = hasSessionCookie(req) ? await readSessionToken(cookieJar(req.headers.cookie)) : null;
    const member = session ? await findSessionMember(session.uid, session.sv) : null;
    // Without a thread, the stream is a member's header alone (React's pages: app/layout.tsx).
    if (thread === null && !member) return refuse(res, 400, "Name the thread: /_forum/live?thread=<question id>.");
    const lastEventId = String(req.headers["last-event-id"] ?? url.searchParams.get("last") ?? "").slice(0, 64) || null;
    const start = () => {
      if (res.headersSent) return;
      res.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        // Tells nginx and its kind not to hold events back in a buffer.
        "X-Accel-Buffering": "no",
      });
    };
    const conn = {
      send(frame: string) {
        if (res.destroyed) return;
        start();
        if (res.writableLength > MAX_BUFFERED_BYTES) return void res.destroy();
        res.write(frame);
      },
      close: () => res.end(),
    };
    leave = await liveHub().join(conn, { thread, member: member && { id: member.id, sessionVersion: member.sessionVersion }, lastEventId });
    if (!leave) return refuse(res, 404, "There is no such thread.");
    if (closed) return leave();
    start();
    res.flushHeaders();
  } catch (err) {
    console.error(`Live stream for thread ${thread} failed: ${(err as Error).message}`);
    if (!res.headersSent) refuse(res, 503, "Live updates are unavailable right now.");
    else res.destroy();
  }
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(message);
}
