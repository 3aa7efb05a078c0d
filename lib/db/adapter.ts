import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireDataDirLock } from "./data-dir-lock";
import type { DatabaseTarget } from "./config";
import { checkDatabase, databaseUnreachable } from "./health";

/**
 * Subscribes to a NOTIFY channel: `onNotice` with each payload, `listening(true)` once notices
 * arrive and `listening(false)` whenever some may be missed (a PostgreSQL connection dropped or
 * could not be opened; it tries again by itself). Returns the way to stop.
 */
export type Listen = (channel: string, onNotice: (payload: string) => void, listening: (on: boolean) => void) => Promise<() => Promise<void>>;

export type OpenDatabase = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  listen: Listen;
  /** Embedded only: the data directory as a gzipped tarball, consistent (see lib/db/backup.ts). */
  dump?: () => Promise<Blob>;
  close: () => Promise<void>;
};

/** Opens the database a target names: the one place PGlite or a pg pool is created. */
export async function openDatabase(target: DatabaseTarget | { kind: "memory" }): Promise<OpenDatabase> {
  if (target.kind === "postgres") {
    await assertReachable(target.url);
    const factory = new PrismaPg(await watchedPool(target.url), { onPoolError: () => void checkDatabase(), onConnectionError: () => void checkDatabase(), disposeExternalPool: true });
    return { factory, listen: (channel, onNotice, listening) => listenOnServer(target.url, channel, onNotice, listening), close: async () => {} };
  }
  const release = target.kind === "pglite" ? acquireDataDirLock(target.dataDir) : () => {};
  try {
    const pglite = target.kind === "pglite" ? await PGlite.create(target.dataDir) : await PGlite.create();
    return {
      factory: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
      // In one process nothing is ever missed: PGlite calls back as the change commits.
      dump: async () => {
        // What a restore replays from starts at a checkpoint as recent as this moment.
        await pglite.exec("CHECKPOINT");
        return pglite.dumpDataDir("gzip");
      },
      listen: async (channel, onNotice, listening) => {
        const stop = await pglite.listen(channel, onNotice);
        listening(true);
        return stop;
      },
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The pool of connections to the server, bounded in time so that a server that is gone, or a
 * network that drops packets, fails a request within seconds instead of holding it: a
 * connection is given up after 3 s, a query after 30 s. A connection that cannot be opened
 * tells lib/db/health.ts at once, before the error reaches the page that asked.
 */
async function watchedPool(url: string) {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3_000, query_timeout: 30_000, keepAlive: true, idleTimeoutMillis: 30_000 });
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client?: unknown, done?: unknown) => void) => unknown;
  // pg's own pool.query() calls connect with a callback; Prisma awaits the promise form.
  (pool as { connect: unknown }).connect = (cb?: (err: Error | undefined, client?: unknown, done?: unknown) => void) => {
    if (cb) {
      return connect((err, client, done) => {
        if (err) databaseUnreachable(err);
        cb(err, client, done);
      });
    }
    return (connect() as Promise<unknown>).catch((err: Error) => {
      databaseUnreachable(err);
      throw err;
    });
  };
  return pool;
}

const RECONNECT_MS = [100, 500, 2_000, 5_000];

/** LISTEN on a connection of its own, opened again after it drops (notices in between are lost). */
async function listenOnServer(url: string, channel: string, onNotice: (payload: string) => void, listening: (on: boolean) => void): Promise<() => Promise<void>> {
  const { default: pg } = await import("pg");
  let client: InstanceType<typeof pg.Client> | null = null;
  let stopped = false;
  let failures = 0;
  const retry = () => {
    if (!stopped) setTimeout(() => void connect(), RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]).unref();
  };
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    c.on("notification", (n) => n.channel === channel && onNotice(n.payload ?? ""));
    c.on("error", () => {});
    c.on("end", () => {
      if (stopped || client !== c) return;
      client = null;
      listening(false);
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, "")}"`);
      client = c;
      failures = 0;
      listening(true);
    } catch {
      await c.end().catch(() => {});
      listening(false);
      retry();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

/** Fails with a sentence naming the problem rather than a driver stack trace. */
async function assertReachable(url: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    const u = new URL(url);
    throw new Error(
      `Cannot reach the PostgreSQL server in DATABASE_URL (${u.hostname}:${u.port || 5432}, ` +
        `database "${u.pathname.slice(1)}"): ${(err as Error).message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
