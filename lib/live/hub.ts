/**
 * Live threads: who is watching which thread (and which member's header) on this app server,
 * and what they were last sent. Readers hold one server-sent-events stream each
 * (server/live-stream.ts); this keeps one set of streams per thread and per member, and when a
 * thread or member changed (here or on another server: lib/live/live-events.ts says how it
 * hears), reads its state once and writes the same bytes to every stream that has not seen it.
 *
 * Events are states, not deltas: a thread's state (scores, answers, best answer, comments) is
 * named by a hash of itself, sent as the event's id. A stream that comes back with that id as
 * Last-Event-ID (on this server or any other) has missed nothing and is sent nothing; any other
 * id gets the current state at once, which is all a reader needs to catch up. Reads of one thread
 * run one at a time, so a server never sends an older state after a newer one, and a change that
 * lands during a read is read again.
 */
import { createHash } from "node:crypto";

/** A thread as its live readers see it: the question's score, [answer id, score], the best answer, comment ids. */
export type ThreadState = { q: number; a: [number, number][]; best: number | null; c: number[] };
export type MemberState = { unread: number; points: number };

export interface LiveSource {
  /** The thread as every signed-out reader sees it, or null when there is none. */
  thread(id: number): Promise<ThreadState | null>;
  /** What a member's header shows, or null when this session has ended. */
  member(id: number, sessionVersion: number): Promise<MemberState | null>;
}

/** One reader's stream: it takes whole SSE frames. */
export type LiveConnection = { send(frame: string): void; close(): void };

type Sent = { version: string; frame: string };
type Watcher = { conn: LiveConnection; version: string | null };
type ThreadTopic = { id: number; watchers: Set<Watcher>; sent: Sent | null; readAt: number; reading: Promise<void> | null; again: boolean; failure: Error | null };
type MemberWatcher = { conn: LiveConnection; sessionVersion: number; last: string | null };
type MemberTopic = { id: number; watchers: Set<MemberWatcher>; reading: boolean; again: boolean };

export type HubOptions = { heartbeatMs?: number; maxStateAgeMs?: number; log?: (line: string) => void };

export const HEARTBEAT = ":\n\n";

export function versionOf(state: ThreadState): string {
  return createHash("sha1").update(JSON.stringify(state)).digest("base64url").slice(0, 16);
}

const threadFrame = (version: string, state: ThreadState) => `id: ${version}\nevent: thread\ndata: ${JSON.stringify(state)}\n\n`;
// No id: the stream's Last-Event-ID stays the thread's version; a member's state is sent on every connect.
const memberFrame = (state: MemberState) => `event: member\ndata: ${JSON.stringify(state)}\n\n`;

export class LiveHub {
  private threads = new Map<number, ThreadTopic>();
  private members = new Map<number, MemberTopic>();
  private open = new Set<LiveConnection>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private pending = new Set<ThreadTopic>();
  private pendingMembers = new Set<MemberTopic>();
  private flushScheduled = false;
  private readonly heartbeatMs: number;
  private readonly maxStateAgeMs: number;
  private readonly log: (line: string) => void;

  constructor(private readonly source: LiveSource, options: HubOptions = {}) {
    this.heartbeatMs = options.heartbeatMs ?? 25_000;
    this.maxStateAgeMs = options.maxStateAgeMs ?? 60_000;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Open streams on this server. */
  get size(): number {
    return this.open.size;
  }

  /**
   * Adds a stream for a thread (null: none, a member's header alone, on pages that are not a
   * thread's) and a member's header. It is sent the thread's state unless `lastEventId` names it
   * already, and the member's state. Returns a function that removes it, or null (and nothing
   * was sent) when there is no such thread; throws when it could not be read.
   */
  async join(conn: LiveConnection, { thread, member, lastEventId = null }: { thread: number | null; member?: { id: number; sessionVersion: number } | null; lastEventId?: string | null }): Promise<(() => void) | null> {
    let topic = thread === null ? undefined : this.threads.get(thread);
    if (!topic && thread !== null) this.threads.set(thread, (topic = { id: thread, watchers: new Set(), sent: null, readAt: 0, reading: null, again: false, failure: null }));
    const watcher: Watcher = { conn, version: lastEventId };
    topic?.watchers.add(watcher);
    let memberWatcher: MemberWatcher | null = null;
    let memberTopic: MemberTopic | undefined;
    if (member) {
      memberTopic = this.members.get(member.id);
      if (!memberTopic) this.members.set(member.id, (memberTopic = { id: member.id, watchers: new Set(), reading: false, again: false }));
      memberWatcher = { conn, sessionVersion: member.sessionVersion, last: null };
      memberTopic.watchers.add(memberWatcher);
    }
    this.open.add(conn);
    this.startHeartbeat();
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.open.delete(conn);
      if (topic) {
        topic.watchers.delete(watcher);
        if (topic.watchers.size === 0 && this.threads.get(topic.id) === topic) this.threads.delete(topic.id);
      }
      if (memberTopic && memberWatcher) {
        memberTopic.watchers.delete(memberWatcher);
        if (memberTopic.watchers.size === 0 && this.members.get(memberTopic.id) === memberTopic) this.members.delete(memberTopic.id);
      }
      if (this.open.size === 0) this.stopHeartbeat();
    };
    if (topic) {
      // Kept while anyone watches; older than the page cache keeps pages, it is read again.
      if (!topic.sent || Date.now() - topic.readAt > this.maxStateAgeMs) await this.read(topic);
      else this.deliver(topic, watcher);
      if (!topic.sent) {
        leave();
        if (topic.failure) throw topic.failure;
        return null;
      }
    }
    if (memberTopic) this.readMember(memberTopic);
    return leave;
  }

  /**
   * What the page cache dropped (lib/page-cache.ts: every write, here or on another server;
   * null: everything, after missed invalidations). Read after this task, once the caches the
   * read goes through have dropped their copies too.
   */
  pagesDropped(tags: Iterable<string> | null): void {
    if (tags === null) for (const topic of this.threads.values()) this.pending.add(topic);
    else
      for (const tag of tags) {
        const m = /^question:(\d+)$/.exec(tag);
        const topic = m ? this.threads.get(Number(m[1])) : undefined;
        if (topic) this.pending.add(topic);
      }
    this.scheduleFlush();
  }

  /** Members whose session shows changed (lib/db/member-changes.ts); null: any may have. */
  membersChanged(ids: Iterable<number> | null): void {
    if (ids === null) for (const topic of this.members.values()) this.pendingMembers.add(topic);
    else
      for (const id of ids) {
        const topic = this.members.get(id);
        if (topic) this.pendingMembers.add(topic);
      }
    this.scheduleFlush();
  }

  /** Ends every stream (the server is stopping). */
  closeAll(): void {
    for (const conn of [...this.open]) conn.close();
    this.stopHeartbeat();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || (this.pending.size === 0 && this.pendingMembers.size === 0)) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const threads = [...this.pending];
      const members = [...this.pendingMembers];
      this.pending.clear();
      this.pendingMembers.clear();
      for (const topic of threads) void this.read(topic);
      for (const topic of members) this.readMember(topic);
    });
  }

  /** Reads a thread and sends what changed; one read at a time per thread, again if it changed meanwhile. */
  private read(topic: ThreadTopic): Promise<void> {
    if (topic.reading) {
      topic.again = true;
      return topic.reading;
    }
    topic.reading = (async () => {
      do {
        topic.again = false;
        const startedAt = Date.now();
        let state: ThreadState | null;
        try {
          state = await this.source.thread(topic.id);
        } catch (err) {
          topic.failure = err as Error;
          this.log(`Live thread ${topic.id}: could not read it (${topic.failure.message}).`);
          break;
        }
        topic.failure = null;
        if (!state) continue;
        const version = versionOf(state);
        topic.readAt = startedAt;
        if (topic.sent?.version !== version) topic.sent = { version, frame: threadFrame(version, state) };
        for (const watcher of topic.watchers) this.deliver(topic, watcher);
      } while (topic.again);
      topic.reading = null;
    })();
    return topic.reading;
  }

  private deliver(topic: ThreadTopic, watcher: Watcher): void {
    if (!topic.sent || watcher.version === topic.sent.version) return;
    watcher.version = topic.sent.version;
    watcher.conn.send(topic.sent.frame);
  }

  private readMember(topic: MemberTopic): void {
    if (topic.reading) {
      topic.again = true;
      return;
    }
    topic.reading = true;
    void (async () => {
      do {
        topic.again = false;
        const bySession = new Map<number, MemberWatcher[]>();
        for (const w of topic.watchers) bySession.set(w.sessionVersion, [...(bySession.get(w.sessionVersion) ?? []), w]);
        for (const [sessionVersion, watchers] of bySession) {
          let state: MemberState | null;
          try {
            state = await this.source.member(topic.id, sessionVersion);
          } catch (err) {
            this.log(`Live member ${topic.id}: could not read them (${(err as Error).message}).`);
            continue;
          }
          // An ended session (signed out, suspended, password changed): its streams end, and
          // come back signed out.
          if (!state) for (const w of watchers) w.conn.close();
          else {
            const frame = memberFrame(state);
            for (const w of watchers) if (w.last !== frame) w.conn.send((w.last = frame));
          }
        }
      } while (topic.again);
      topic.reading = false;
    })();
  }

  /** One timer for every stream: a comment line that keeps proxies and NATs from dropping them. */
  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const conn of this.open) conn.send(HEARTBEAT);
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
