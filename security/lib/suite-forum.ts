/**
 * A security suite's own forum, as `npm start` runs it, on a fresh embedded database: `prepare`
 * writes the suite's members and posts with the database open and the forum stopped (the
 * embedded database has one owner), then the forum starts for the tests; after them it stops
 * and its data goes. FORUM_TEST_PORT pins its port.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { startDatabase, stopDatabase } from "../../lib/db/start";
import { startForum, stopForum, type Forum } from "../../reliability/lib/forum-process";
import { TEST_AUTH_SECRET } from "../../reliability/lib/members";

/** Filled in by the before() hook that suiteForum registers. */
export type SuiteForum = { forum: Forum; dataDir: string };

export function suiteForum(name: string, prepare: () => Promise<void>, env: Record<string, string> = {}): SuiteForum {
  const suite = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `forum-${name}-`)) } as SuiteForum;
  const forumEnv = { DATA_DIR: suite.dataDir, DATABASE_URL: "", AUTH_SECRET: TEST_AUTH_SECRET, ...(process.env.FORUM_TEST_PORT ? { PORT: process.env.FORUM_TEST_PORT } : {}), ...env };
  before(async () => {
    // A first start migrates and seeds the database, as on a fresh install.
    await stopForum(await startForum(forumEnv));
    await startDatabase({ kind: "pglite", dataDir: suite.dataDir });
    try {
      await prepare();
    } finally {
      await stopDatabase();
    }
    suite.forum = await startForum(forumEnv);
  });
  after(async () => {
    if (suite.forum) await stopForum(suite.forum);
    fs.rmSync(suite.dataDir, { recursive: true, force: true });
  });
  return suite;
}
