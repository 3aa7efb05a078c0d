// A fresh PostgreSQL database on the machine's server for one test run, dropped after: used by
// scripts/test.mjs and by the reliability and security suites (reliability/lib/postgres.ts).
import pg from "pg";

/**
 * Creates `<prefix>_<time>_<random>` through `adminUrl`. Null (the caller skips, with `onSkip`
 * told why) when no server answers, except on CI, where it is required.
 */
export async function createFreshDatabase(adminUrl, prefix, onSkip = () => {}) {
  const host = new URL(adminUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run tests against a database that is not on this machine (${host}).`);
  }
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (err) {
    if (process.env.CI) throw new Error(`PostgreSQL is required on CI but unreachable at ${adminUrl}: ${err.message}`);
    onSkip(err);
    return null;
  }
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
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
