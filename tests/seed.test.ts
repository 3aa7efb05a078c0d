import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "../lib/db";
import { seedDatabase } from "../prisma/seed";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";

before(openTestDatabase);
after(closeTestDatabase);

test("the first start seeds the flagship thread once, with points from the ledger", async () => {
  const first = await seedDatabase();
  const second = await seedDatabase();
  // On a shared PostgreSQL test database another file may have seeded first.
  assert.equal(second, false);
  assert.ok(first === true || first === false);
  const questions = await db.question.findMany({
    where: { title: "Client-Server Model vs. Peer-to-Peer: Key Differences" },
    select: { bestAnswerId: true, answerCount: true, bodyHtml: true, category: { select: { name: true } }, author: { select: { username: true } } },
  });
  assert.equal(questions.length, 1);
  const q = questions[0]!;
  assert.equal(q.author.username, "jennifer286");
  assert.equal(q.category.name, "Computer Science & Technology");
  assert.ok(q.bestAnswerId);
  const best = await db.answer.findUniqueOrThrow({ where: { id: q.bestAnswerId }, select: { createdAt: true, bodyHtml: true, author: { select: { username: true, points: true } } } });
  assert.equal(best.author.username, "zacharyallen1989");
  assert.equal(best.createdAt.toISOString().slice(0, 10), "2026-03-15");
  assert.equal((best.bodyHtml.match(/<tr>/g) ?? []).length, 8, "header row and 7 comparison rows");
  assert.equal(best.author.points, 22);
  const ledger = await db.pointEvent.aggregate({ where: { user: { username: "zacharyallen1989" } }, _sum: { delta: true } });
  assert.equal(ledger._sum.delta, 22);
});
