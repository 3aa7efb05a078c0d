/**
 * The power cord (issue 25, "Faults"): the forum on its embedded database is killed with
 * SIGKILL in the middle of a stream of answers, again and again. Each time the data directory
 * must open, and at the end every answer the forum acknowledged (201) is there and every
 * member's points equal the sum of their ledger events. RELIABILITY_KILLS sets how many kills
 * (CI runs a few; `npm run test:reliability` many).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { db } from "../lib/db";
import { startDatabase, stopDatabase } from "../lib/db/start";
import { killForum, startForum, stopForum } from "./lib/forum-process";
import { createMembers, ledgerMismatches, postAnswer, TEST_AUTH_SECRET, type Member } from "./lib/members";

const KILLS = Number(process.env.RELIABILITY_KILLS) || 5;
const WRITERS = 6;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-kill-"));
const env = { DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: TEST_AUTH_SECRET };

after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test(`the embedded database survives ${KILLS} SIGKILLs in the middle of writes`, { timeout: 30 * 60_000 }, async () => {
  // First start seeds the flagship thread; then members are made with the forum stopped.
  await stopForum(await startForum(env));
  await startDatabase({ kind: "pglite", dataDir });
  const flagship = (await db.question.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;
  let members: Member[] = [];
  try {
    members = await createMembers(KILLS * 2 + WRITERS, "survivor");
  } finally {
    await stopDatabase();
  }

  const acknowledged: number[] = [];
  let attempted = 0;
  let survived = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    const forum = await startForum(env);
    survived += kill > 0 ? 1 : 0; // it opened again after the previous kill
    // Each life writes with fresh members, so the per-member budget never refuses a write.
    const writers = members.slice((kill * 2) % (members.length - WRITERS), ((kill * 2) % (members.length - WRITERS)) + WRITERS);
    let stop = false;
    const ackedBefore = acknowledged.length;
    const streams = writers.map(async (member, w) => {
      for (let i = 0; !stop; i++) {
        attempted++;
        const id = await postAnswer(forum.url, member, flagship, `Answer ${i} from writer ${w} in life ${kill}: acknowledged writes must survive the power cord.`).catch(() => null);
        if (id !== null) acknowledged.push(id);
      }
    });
    // The kill lands while writes are in flight: after a few were acknowledged in this life
    // (however slow the machine), at a random moment within the next half second.
    const started = Date.now();
    while (acknowledged.length - ackedBefore < 3 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 500)));
    await killForum(forum);
    stop = true;
    await Promise.all(streams);
  }
  // One more life: the data directory must open after the last kill too.
  await stopForum(await startForum(env));
  survived++;

  await startDatabase({ kind: "pglite", dataDir });
  try {
    const present = new Set((await db.answer.findMany({ where: { id: { in: acknowledged } }, select: { id: true } })).map((a) => a.id));
    const lost = acknowledged.filter((id) => !present.has(id));
    const mismatches = await ledgerMismatches();
    console.log(`kill -9 during writes: survived ${survived} of ${KILLS} kills; ${acknowledged.length} acknowledged answers of ${attempted} attempted, ${lost.length} lost; ledger mismatches: ${mismatches.length}`);
    assert.ok(acknowledged.length > KILLS, "the writers got answers acknowledged between kills");
    assert.deepEqual(lost, [], "every acknowledged answer is in the database");
    assert.deepEqual(mismatches, [], "every member's points equal their ledger");
  } finally {
    await stopDatabase();
  }
});
