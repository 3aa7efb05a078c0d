/**
 * What a database holds, table by table: its row count and a hash of every row's text, in a
 * fixed order. Two databases with equal fingerprints hold the same data; it reads an embedded
 * data directory (forum stopped) or a PostgreSQL server alike. Generated columns (the search
 * vectors) are left out: each server computes them itself, and PGlite's PostgreSQL 17 stems a
 * few words differently from a PostgreSQL 15 server ("add" / "ad").
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

type Query = (sql: string) => Promise<Record<string, unknown>[]>;
export type Fingerprint = Record<string, { rows: number; md5: string }>;

const tablesSql = `select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations' order by tablename`;

async function fingerprintWith(query: Query): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const { tablename } of (await query(tablesSql)) as { tablename: string }[]) {
    const columns = (await query(`select attname from pg_attribute where attrelid = '"${tablename}"'::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`)) as { attname: string }[];
    const row_ = `row(${columns.map((c) => `t."${c.attname}"`).join(", ")})::text`;
    const [row] = (await query(`select count(*)::int as rows, md5(coalesce(string_agg(${row_}, '|' order by ${row_}), '')) as md5 from "${tablename}" t`)) as { rows: number; md5: string }[];
    out[tablename] = { rows: row!.rows, md5: row!.md5 };
  }
  return out;
}

export async function fingerprintDataDir(dataDir: string): Promise<Fingerprint> {
  const pglite = await PGlite.create(dataDir);
  try {
    return await fingerprintWith(async (sql) => (await pglite.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await pglite.close();
  }
}

export async function fingerprintServer(url: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fingerprintWith(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}
