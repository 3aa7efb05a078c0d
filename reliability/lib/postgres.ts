/** A fresh PostgreSQL database per suite on the machine's server, dropped after (as scripts/test.mjs does). */
import pg from "pg";

const adminUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export type FreshDatabase = { url: string; drop: () => Promise<void> };

/** Null (the suite skips) when no server answers, except on CI, where it is required. */
export async function freshPostgresDatabase(): Promise<FreshDatabase | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (err) {
    if (process.env.CI) throw new Error(`PostgreSQL is required on CI but unreachable at ${adminUrl}: ${(err as Error).message}`);
    return null;
  }
  const name = `forum_reliability_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
