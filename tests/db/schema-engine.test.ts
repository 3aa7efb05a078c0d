import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { openDatabase } from "../../lib/db/adapter";
import { applyMigrations, diffMigrationsToSchema, migrationsDir } from "../../lib/db/schema-engine";

const migrationNames = fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

test("migrations apply once, are recorded like `prisma migrate deploy`, and a second run applies none", async () => {
  const scratch = await openDatabase({ kind: "memory" });
  try {
    assert.deepEqual(await applyMigrations(scratch.factory), migrationNames);
    assert.deepEqual(await applyMigrations(scratch.factory), []);
  } finally {
    await scratch.close();
  }
});

test("schema.prisma and the migrations agree (no migration is missing)", async () => {
  const scratch = await openDatabase({ kind: "memory" });
  try {
    const sql = await diffMigrationsToSchema(scratch.factory);
    assert.match(sql.trim(), /^(-- This is an empty migration\.)?$/);
  } finally {
    await scratch.close();
  }
});
