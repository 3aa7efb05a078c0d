/**
 * The admin forms (point adjustment, categories, suspension, role) under hostile text: every
 * string either is taken or is refused with a clear AppError (the form shows it as a 400), never
 * an unexpected error (a 500). Issue 25 found two such 500s while the hostile corpus ran.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createCategory, renameCategory } from "../lib/commands/categories";
import { adjustPoints, suspendMember } from "../lib/commands/members";
import { AppError } from "../lib/errors";
import { db } from "../lib/db";
import { closeTestDatabase, openTestDatabase } from "../tests/helpers/db";
import { member } from "../tests/helpers/fixtures";
import { hostileStrings } from "./lib/hostile-corpus";

before(openTestDatabase);
after(closeTestDatabase);

const quick = process.env.SECURITY_FULL_CORPUS !== "1";

test("the admin forms answer every hostile string with success or a clear refusal", async () => {
  const admin = await member("ADMIN");
  const target = await member();
  const corpus = quick ? hostileStrings().slice(0, 120) : hostileStrings();
  await createCategory(admin, { name: "Hostile corpus base" });
  const category = await db.category.findFirstOrThrow({ where: { name: "Hostile corpus base" }, select: { id: true } });
  const failures: string[] = [];
  let tried = 0;
  const attempt = async (form: string, value: string, run: () => Promise<unknown>) => {
    tried++;
    try {
      await run();
    } catch (e) {
      if (!(e instanceof AppError)) failures.push(`${form} ${JSON.stringify(value).slice(0, 80)}: ${(e as Error).message.slice(0, 160)}`);
    }
  };
  for (const value of corpus) {
    await attempt("points.delta", value, () => adjustPoints(admin, { userId: String(target.id), delta: value, reason: "hostile corpus" }));
    await attempt("points.reason", value, () => adjustPoints(admin, { userId: String(target.id), delta: "1", reason: value }));
    await attempt("points.userId", value, () => adjustPoints(admin, { userId: value, delta: "1", reason: "hostile corpus" }));
    await attempt("category.name", value, () => createCategory(admin, { name: value, emoji: "", description: "" }));
    await attempt("category.emoji", value, () => createCategory(admin, { name: `c${tried}`, emoji: value, description: "" }));
    await attempt("category.description", value, () => renameCategory(admin, { categoryId: String(category.id), name: "Hostile corpus base", description: value }));
    await attempt("suspend.days", value, () => suspendMember(admin, { userId: String(target.id), days: value, reason: "hostile corpus" }));
  }
  console.log(`admin forms: ${corpus.length} inputs, ${tried} tries, ${failures.length} answered with an unexpected error`);
  assert.deepEqual(failures, []);
});
