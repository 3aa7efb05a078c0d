import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "../lib/db";
import { listTopMembersAllTime, listTopMembersThisWeek } from "../lib/data/leaderboard";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";

before(openTestDatabase);
after(closeTestDatabase);

const DAY_MS = 24 * 60 * 60 * 1000;
// Other test files may share the database: a large limit keeps our members in the results.
const LIMIT = 10_000;

async function member(username: string) {
  return db.user.create({ data: { username, usernameKey: username.toLowerCase() }, select: { id: true, username: true } });
}

async function award(userId: number, delta: number, daysAgo = 0) {
  await db.pointEvent.create({
    data: { userId, delta, cause: "ADJUSTMENT", subject: uniqueName("adj"), seq: 0, createdAt: new Date(Date.now() - daysAgo * DAY_MS) },
  });
}

/** Our members' entries, in the order the leaderboard gives them. */
function mine(entries: { id: number; username: string; points: number }[], ids: number[]) {
  return entries.filter((e) => ids.includes(e.id)).map((e) => [e.username, e.points]);
}

test("this week counts only the last 7 days; all time counts every event", async () => {
  const base = uniqueName("lb");
  const veteran = await member(`${base}v`); // mostly old points
  const newcomer = await member(`${base}n`); // only recent points
  const reversed = await member(`${base}r`); // recent award taken back: nothing this week
  const idle = await member(`${base}i`); // no points at all
  await award(veteran.id, 50, 10);
  await award(veteran.id, 5);
  await award(newcomer.id, 20, 1);
  await award(reversed.id, 40, 10);
  await award(reversed.id, 3);
  await award(reversed.id, -3);
  const ids = [veteran, newcomer, reversed, idle].map((m) => m.id);

  assert.deepEqual(mine(await listTopMembersThisWeek(LIMIT), ids), [
    [newcomer.username, 20],
    [veteran.username, 5],
  ]);
  assert.deepEqual(mine(await listTopMembersAllTime(LIMIT), ids), [
    [veteran.username, 55],
    [reversed.username, 40],
    [newcomer.username, 20],
  ]);
});

test("the week is counted back from the given moment", async () => {
  const m = await member(uniqueName("lbw"));
  await award(m.id, 7, 10);
  assert.deepEqual(mine(await listTopMembersThisWeek(LIMIT), [m.id]), []);
  const eightDaysAgo = new Date(Date.now() - 8 * DAY_MS);
  assert.deepEqual(mine(await listTopMembersThisWeek(LIMIT, eightDaysAgo), [m.id]), [[m.username, 7]]);
});

test("equal totals are ordered by username", async () => {
  const base = uniqueName("lbt");
  const b = await member(`${base}b`);
  const a = await member(`${base}a`);
  await award(b.id, 9);
  await award(a.id, 9);
  const ids = [a.id, b.id];
  const expected = [
    [a.username, 9],
    [b.username, 9],
  ];
  assert.deepEqual(mine(await listTopMembersThisWeek(LIMIT), ids), expected);
  assert.deepEqual(mine(await listTopMembersAllTime(LIMIT), ids), expected);
});

test("the limit caps the list", async () => {
  const base = uniqueName("lbl");
  for (const suffix of ["a", "b", "c"]) await award((await member(`${base}${suffix}`)).id, 1);
  assert.equal((await listTopMembersThisWeek(2)).length, 2);
  assert.equal((await listTopMembersAllTime(2)).length, 2);
});
