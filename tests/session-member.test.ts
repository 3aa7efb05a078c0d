/**
 * The signed-in member kept in memory (lib/auth/session-member.ts): read once, then from
 * memory, and dropped the moment the database says the member changed, whatever wrote the
 * change (app code or a raw statement), on the embedded database and on PostgreSQL alike.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { findSessionMember } from "../lib/auth/session-member";
import { adjustPoints } from "../lib/commands/members";
import { db } from "../lib/db";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { member } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

/** PostgreSQL's notices travel over a connection of their own: give them a moment. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a member's repeat reads come from memory", async () => {
  const m = await member();
  const first = await findSessionMember(m.id, 0);
  assert.equal(first?.username, m.username);
  assert.equal(await findSessionMember(m.id, 0), first, "the same kept value, no new read");
});

test("points, unread count and name changed by any statement are seen at once", async () => {
  const m = await member();
  const admin = await member("ADMIN");
  assert.equal((await findSessionMember(m.id, 0))?.points, 0);
  await adjustPoints(admin, { userId: m.id, delta: "7", reason: "test of the kept member" });
  assert.equal((await eventually(() => findSessionMember(m.id, 0), (v) => v?.points === 7))?.points, 7);
  await db.notification.create({ data: { userId: m.id, kind: "MENTION", message: "hello" } });
  assert.equal((await eventually(() => findSessionMember(m.id, 0), (v) => v?.unread === 1))?.unread, 1);
  // A raw statement, as an operator's script would write it: the database still says so.
  await db.$executeRaw`UPDATE "User" SET "username" = ${`${m.username}x`} WHERE "id" = ${m.id}`;
  assert.equal((await eventually(() => findSessionMember(m.id, 0), (v) => v?.username === `${m.username}x`))?.username, `${m.username}x`);
});

test("a bumped session version ends the session at once", async () => {
  const m = await member();
  assert.ok(await findSessionMember(m.id, 0));
  await db.user.update({ where: { id: m.id }, data: { sessionVersion: { increment: 1 } } });
  assert.equal(await eventually(() => findSessionMember(m.id, 0), (v) => v === null), null);
  assert.ok(await findSessionMember(m.id, 1));
});
