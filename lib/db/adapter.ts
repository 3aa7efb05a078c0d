import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { acquireDataDirLock } from "./data-dir-lock";
import type { DatabaseTarget } from "./config";

export type OpenDatabase = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

/** Opens the database a target names: the one place PGlite or a pg pool is created. */
export async function openDatabase(target: DatabaseTarget | { kind: "memory" }): Promise<OpenDatabase> {
  if (target.kind === "postgres") {
    await assertReachable(target.url);
    const factory = new PrismaPg({ connectionString: target.url, max: 10 });
    return { factory, close: async () => {} };
  }
  const release = target.kind === "pglite" ? acquireDataDirLock(target.dataDir) : () => {};
  try {
    const pglite = target.kind === "pglite" ? await PGlite.create(target.dataDir) : await PGlite.create();
    return {
      factory: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
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
