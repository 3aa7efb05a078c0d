/**
 * Backups of the embedded database (issue 25, "Faults"): `npm run db -- backup` while the forum
 * runs and takes writes gives a backup that opens with its ledger whole; taken at rest, its
 * restore holds exactly what the forum held; and `npm run db -- copy-to-postgres` moves the
 * install onto a PostgreSQL server with the same data, where the forum then runs.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, test } from "node:test";
import { db } from "../lib/db";
import { startDatabase, stopDatabase } from "../lib/db/start";
import { fingerprintDataDir, fingerprintServer } from "./lib/fingerprint";
import { root, startForum, stopForum } from "./lib/forum-process";
import { createMembers, ledgerMismatches, postAnswer, TEST_AUTH_SECRET } from "./lib/members";
import { freshPostgresDatabase } from "./lib/postgres";

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "forum-backup-"));
const dataDir = path.join(work, "data");
const env = { DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: TEST_AUTH_SECRET };
const dbCommand = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/db.ts", ...args], { cwd: root, env: { ...process.env, ...env } });

after(() => fs.rmSync(work, { recursive: true, force: true }));

async function withDatabase<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  await startDatabase({ kind: "pglite", dataDir: dir });
  try {
    return await fn();
  } finally {
    await stopDatabase();
  }
}

test("backup while the forum runs, restore, and the move to PostgreSQL keep every row", { timeout: 20 * 60_000 }, async (t) => {
  await stopForum(await startForum(env));
  const { flagship, members } = await withDatabase(dataDir, async () => ({
    flagship: (await db.question.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id,
    members: await createMembers(4, "backer"),
  }));

  const forum = await startForum(env);
  let hot: string;
  try {
    // A backup taken while answers stream in, through the running forum's control socket.
    let writing = true;
    const streams = members.map(async (m, w) => {
      for (let i = 0; writing && i < 25; i++) await postAnswer(forum.url, m, flagship, `Answer ${i} from ${w}, written while a backup is taken.`);
    });
    await new Promise((r) => setTimeout(r, 500));
    hot = path.join(work, "hot.tar.gz");
    const { stdout } = await dbCommand("backup", hot).catch(async (err: Error & { stderr?: string }) => {
      writing = false;
      await Promise.all(streams);
      throw new Error(`backup failed: ${err.stderr ?? err.message}`);
    });
    assert.match(stdout, /taken by the running forum/);
    writing = false;
    await Promise.all(streams);
    // And one at rest, still through the running forum.
    await dbCommand("backup", path.join(work, "rest.tar.gz"));
  } finally {
    await stopForum(forum);
  }

  const original = await fingerprintDataDir(dataDir);
  await dbCommand("restore", path.join(work, "rest.tar.gz"), "--data-dir", path.join(work, "restored"));
  assert.deepEqual(await fingerprintDataDir(path.join(work, "restored")), original, "the restore of a backup at rest equals the original");

  await dbCommand("restore", hot, "--data-dir", path.join(work, "restored-hot"));
  const hotAnswers = await withDatabase(path.join(work, "restored-hot"), async () => {
    assert.deepEqual(await ledgerMismatches(), [], "the backup taken during writes has a whole ledger");
    return db.answer.count();
  });
  await assert.rejects(dbCommand("restore", hot, "--data-dir", path.join(work, "restored")), /already holds a database/);
  console.log(`backup: restored at rest equals the original (${Object.keys(original).length} tables, ${original.Answer!.rows} answers); the backup taken during writes opens with ${hotAnswers} answers and a whole ledger`);

  const server = await freshPostgresDatabase();
  if (!server) return t.skip("no PostgreSQL server reachable for the move");
  try {
    await dbCommand("copy-to-postgres", server.url);
    assert.deepEqual(await fingerprintServer(server.url), original, "PostgreSQL holds what the embedded database held");
    const moved = await startForum({ DATABASE_URL: server.url, AUTH_SECRET: TEST_AUTH_SECRET });
    try {
      const id = await postAnswer(moved.url, members[0]!, flagship, "Written after the move to PostgreSQL: the ids go on from the copied ones.");
      assert.ok(id && id > original.Answer!.rows, `a new answer after the move got id ${id}`);
    } finally {
      await stopForum(moved);
    }
  } finally {
    await server.drop();
  }
});
