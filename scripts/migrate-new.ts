/**
 * `npm run db:migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the existing migrations to the current schema.prisma. Works offline:
 * an in-memory PGlite stands in for Prisma's shadow database.
 */
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/db/adapter";
import { diffMigrationsToSchema, migrationsDir } from "../lib/db/schema-engine";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
if (!name) {
  console.error("Usage: npm run db:migrate:new -- <name>   (e.g. add_bounties)");
  process.exit(2);
}

const scratch = await openDatabase({ kind: "memory" });
const sql = await diffMigrationsToSchema(scratch.factory);
await scratch.close();

if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
  console.log("schema.prisma matches the migrations already: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, '# Written by npm run db:migrate:new\nprovider = "postgresql"\n');
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
