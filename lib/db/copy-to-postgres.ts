/**
 * Moves an embedded install onto a PostgreSQL server (README "Moving to a PostgreSQL server"):
 * the same migrations are applied to the (empty) server database, then every table's rows are
 * copied in one transaction, parents before children, and the id sequences set past the
 * copied ids. Both sides are PostgreSQL, so rows travel as JSON and are read back by
 * json_populate_recordset into the table's own types: nothing is converted by hand.
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase } from "./adapter";
import { acquireDataDirLock } from "./data-dir-lock";
import { applyMigrations } from "./schema-engine";

const BATCH = 1_000;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Table = { name: string; columns: string[]; serial: string[]; parents: string[] };

export async function copyEmbeddedToPostgres(dataDir: string, url: string, log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const target = await openDatabase({ kind: "postgres", url });
  try {
    await applyMigrations(target.factory);
  } finally {
    await target.close();
  }
  const release = acquireDataDirLock(dataDir);
  const source = await PGlite.create(dataDir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const copied: Record<string, number> = {};
  try {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from "User"`);
    if (Number(rows[0]!.n) > 0) throw new Error("The PostgreSQL database already holds members: copy into an empty database.");
    const tables = inParentOrder(await describeTables(source));
    await client.query("BEGIN");
    // Where the role may (a superuser, or the owner on most managed services), foreign keys
    // are not re-checked row by row; parents-first order makes the copy valid either way.
    await client.query("SAVEPOINT replica");
    await client.query("SET LOCAL session_replication_role = replica").catch(() => client.query("ROLLBACK TO SAVEPOINT replica"));
    for (const table of tables) {
      await client.query(`DELETE FROM ${q(table.name)}`); // rows the migrations seeded, if any
      const cols = table.columns.map(q).join(", ");
      let n = 0;
      for (let offset = 0; ; offset += BATCH) {
        const batch = await source.query<{ rows: string | null }>(
          `select json_agg(t)::text as rows from (select ${cols} from ${q(table.name)} order by ${table.serial.length ? q(table.serial[0]!) : "ctid"} limit ${BATCH} offset ${offset}) t`,
        );
        const json = batch.rows[0]?.rows;
        if (!json) break;
        const r = await client.query(`INSERT INTO ${q(table.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${q(table.name)}, $1::json)`, [json]);
        n += r.rowCount ?? 0;
      }
      for (const col of table.serial) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${q(col)}) FROM ${q(table.name)}), 1), (SELECT max(${q(col)}) FROM ${q(table.name)}) IS NOT NULL)`, [q(table.name), col]);
      }
      copied[table.name] = n;
      log(`${table.name}: ${n} rows`);
    }
    await client.query("COMMIT");
    return copied;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
    await source.close();
    release();
  }
}

async function describeTables(source: PGlite): Promise<Table[]> {
  const { rows } = await source.query<{ table: string; column: string; generated: string; serial: boolean }>(`
    select c.relname as table, a.attname as column, a.attgenerated as generated,
           coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false) as serial
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
    where n.nspname = 'public' and c.relkind = 'r' and c.relname <> '_prisma_migrations'
    order by c.relname, a.attnum`);
  const { rows: fks } = await source.query<{ child: string; parent: string }>(`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'`);
  const tables = new Map<string, Table>();
  for (const r of rows) {
    const t = tables.get(r.table) ?? { name: r.table, columns: [], serial: [], parents: [] };
    tables.set(r.table, t);
    if (r.generated) continue; // computed by the target itself
    t.columns.push(r.column);
    if (r.serial) t.serial.push(r.column);
  }
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  for (const fk of fks) {
    const child = tables.get(unquote(fk.child));
    if (child && unquote(fk.parent) !== child.name) child.parents.push(unquote(fk.parent));
  }
  return [...tables.values()];
}

function inParentOrder(tables: Table[]): Table[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: Table[] = [];
  const visit = (t: Table, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const p of t.parents) if (byName.has(p)) visit(byName.get(p)!, path);
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}
