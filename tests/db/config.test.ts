import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { openDatabase } from "../../lib/db/adapter";
import { readDatabaseTarget } from "../../lib/db/config";

test("DATABASE_URL selects PostgreSQL; without it the data lives in DATA_DIR or ./.data", () => {
  assert.deepEqual(readDatabaseTarget({ DATABASE_URL: "postgres://u@h:5/db" }), { kind: "postgres", url: "postgres://u@h:5/db" });
  assert.deepEqual(readDatabaseTarget({ DATA_DIR: "/tmp/x" }), { kind: "pglite", dataDir: "/tmp/x" });
  assert.equal(readDatabaseTarget({}).kind, "pglite");
  assert.throws(() => readDatabaseTarget({ DATABASE_URL: "mysql://h/db" }), /DATABASE_URL must start with postgres/);
});

test("an unreachable server stops start-up with a sentence naming it", async () => {
  await assert.rejects(openDatabase({ kind: "postgres", url: "postgres://nobody@127.0.0.1:1/none" }), /Cannot reach the PostgreSQL server in DATABASE_URL \(127\.0\.0\.1:1, database "none"\)/);
});

test("a second process cannot open the same embedded data directory", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-lock-"));
  const first = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    const script = `import { openDatabase } from "./lib/db/adapter.ts"; await openDatabase({ kind: "pglite", dataDir: ${JSON.stringify(dir)} });`;
    const second = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    assert.notEqual(second.status, 0);
    assert.match(second.stderr, /is in use by another forum process \(pid \d+\)/);
  } finally {
    await first.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Released on close: the next owner gets in.
  const again = await openDatabase({ kind: "pglite", dataDir: dir });
  await again.close();
});
