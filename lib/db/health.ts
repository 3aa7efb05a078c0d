/**
 * Whether the PostgreSQL server answers. A connection that cannot be opened marks it down at
 * once (before the failing query's error reaches the page), and while it is down one probe a
 * second asks again; the first answer marks it up. The front door reads `databaseIsDown()` to
 * answer "temporarily unavailable" (server/unavailable.ts) instead of sending requests into a
 * pool that cannot serve them. The embedded database lives in this process and is never down.
 */
import { processState } from "../process-state";

type Probe = () => Promise<unknown>;
type Health = { down: boolean; since: number; probe: Probe | null; timer: NodeJS.Timeout | null; checking: Promise<boolean> | null };

const health = processState<{ db: Health }>("database-health", () => ({ db: { down: false, since: 0, probe: null, timer: null, checking: null } })).db;

const PROBE_TIMEOUT_MS = 2_000;
const RECHECK_MS = 1_000;

export const databaseIsDown = () => health.down;

/** The query that proves the server answers (set by lib/db/start.ts for PostgreSQL only). */
export function watchDatabase(probe: Probe | null): void {
  health.probe = probe;
  health.down = false;
  if (health.timer) clearTimeout(health.timer);
  health.timer = null;
}

/** A connection could not be opened: nothing will work until the server answers again. */
export function databaseUnreachable(err: unknown): void {
  if (!health.probe) return;
  if (!health.down) {
    health.down = true;
    health.since = Date.now();
    console.error(`The database server does not answer (${(err as Error)?.message ?? err}): pages answer 503 until it does.`);
  }
  scheduleRecheck();
}

/** Something failed that may or may not be the server (a dropped connection, a 500): ask it. */
export function checkDatabase(): Promise<boolean> {
  if (!health.probe) return Promise.resolve(true);
  health.checking ??= probeOnce().finally(() => (health.checking = null));
  return health.checking;
}

async function probeOnce(): Promise<boolean> {
  const probe = health.probe!;
  let timeout: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timeout = setTimeout(() => reject(new Error("no answer within 2 s")), PROBE_TIMEOUT_MS)))]);
    if (health.down) console.log(`The database server answers again after ${Math.round((Date.now() - health.since) / 1000)} s.`);
    health.down = false;
    return true;
  } catch (err) {
    databaseUnreachable(err);
    return false;
  } finally {
    clearTimeout(timeout);
  }
}

function scheduleRecheck(): void {
  if (health.timer || !health.probe) return;
  health.timer = setTimeout(() => {
    health.timer = null;
    void checkDatabase(); // a failure schedules the next one
  }, RECHECK_MS);
  health.timer.unref();
}
