import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createCategory, moveCategory, renameCategory } from "../lib/commands/categories";
import { listCategoryChoices } from "../lib/data/categories";
import { db } from "../lib/db";
import { invalidateCategories, invalidateQuestion } from "../lib/page-cache";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { member } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

const names = async () => (await listCategoryChoices()).map((c) => c.name);

test("the category choices are read once, and every category write drops them", async () => {
  const admin = await member("ADMIN");
  const name = uniqueName("Cat ");
  const first = await listCategoryChoices();
  assert.equal(await listCategoryChoices(), first, "the second read comes from memory");
  // Other writes (an answer, a vote) leave them be.
  invalidateQuestion(1);
  assert.equal(await listCategoryChoices(), first);

  await createCategory(admin, { name });
  assert.ok((await names()).includes(name), "a new category is offered at once");

  // A second one, then moved above the first.
  const second = uniqueName("Cat ");
  await createCategory(admin, { name: second });
  assert.ok((await names()).indexOf(second) > (await names()).indexOf(name));
  const moved = await db.category.findUniqueOrThrow({ where: { name: second }, select: { id: true } });
  await moveCategory(admin, { categoryId: moved.id, direction: "up" });
  assert.ok((await names()).indexOf(second) < (await names()).indexOf(name), "a move shows in the order at once");

  const created = await db.category.findUniqueOrThrow({ where: { name }, select: { id: true } });
  await renameCategory(admin, { categoryId: created.id, name: `${name} renamed` });
  assert.ok((await names()).includes(`${name} renamed`), "a rename shows at once");
});

test("a read that overlaps a category write is not kept", async () => {
  const reading = listCategoryChoices();
  // A write commits and invalidates while the read is still in flight.
  const name = uniqueName("Cat ");
  await db.category.create({ data: { name, slug: name.toLowerCase().replace(/\W+/g, "-") } });
  invalidateCategories();
  const overlapping = await reading;
  const next = await listCategoryChoices();
  assert.notEqual(next, overlapping, "the overlapping read was not stored");
  assert.ok(next.some((c) => c.name === name));
});
