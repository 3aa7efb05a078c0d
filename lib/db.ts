/**
 * The one Prisma client, opened by lib/db/start.ts in the process that owns the data. It is the
 * process's one copy (lib/process-state.ts) because the custom server and Next's server bundle
 * load this module separately but must share one client (and one embedded database, which only
 * one owner may open).
 */
import type { createClient } from "./db/client";
import { processState } from "./process-state";

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type Holder = {
  prisma: Db;
  description: string;
  /** The embedded database's files as one gzipped tarball, taken between queries (a backup). */
  dump?: () => Promise<Blob>;
  /** A PostgreSQL server, which may start worker processes for a query; PGlite never does. */
  parallelWorkers: boolean;
  close: () => Promise<void>;
};
export const dbHolder = processState<{ __forumDb?: Holder }>("database", () => ({}));

function current(): Db {
  const h = dbHolder.__forumDb;
  if (!h) throw new Error("The database is not started: run the forum with `npm start` (server.ts opens it).");
  return h.prisma;
}

/** Whether the database may run a query in parallel worker processes (a server, not PGlite). */
export function hasParallelWorkers(): boolean {
  return dbHolder.__forumDb?.parallelWorkers ?? false;
}

/** The shared client, looked up on each use so a restarted database is picked up. */
export const db: Db = new Proxy({} as Db, {
  get: (_, prop) => {
    const client = current();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
