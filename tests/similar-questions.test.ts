import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createQuestion } from "../lib/commands/create-question";
import { findSimilarQuestions } from "../lib/data/similar-questions";
import { db } from "../lib/db";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { member, someCategoryId } from "./helpers/fixtures";

// Every word looked for is unique to this run (the database may be shared with other files).
const [alpha, beta, gamma] = [uniqueName("sa"), uniqueName("sb"), uniqueName("sc")];
let ids: { both: number; alphaOnly: number; inBody: number; removed: number };

before(async () => {
  await openTestDatabase();
  const asker = await member();
  const categoryId = await someCategoryId();
  const ask = async (title: string, body = "A body that matches nothing looked for here.") =>
    (await createQuestion(asker, { title, body, categoryId, tags: "" })).id;
  ids = {
    alphaOnly: await ask(`Routing with ${alpha} tables`),
    both: await ask(`Why do ${alpha} and ${beta} disagree?`),
    inBody: await ask("A title with none of the words", `The body mentions ${alpha} and ${beta} both.`),
    removed: await ask(`${alpha} ${beta} in a removed question`),
  };
  await db.question.update({ where: { id: ids.removed }, data: { deletedAt: new Date() } });
});
after(closeTestDatabase);

describe("similar questions for a draft title", () => {
  test("titles sharing more words come first; bodies and removed questions do not count", async () => {
    const found = await findSimilarQuestions(`How do ${alpha} and ${beta} interact?`);
    assert.deepEqual(found.map((q) => q.id), [ids.both, ids.alphaOnly]);
    assert.equal(found[0]!.url, `/questions/${ids.both}/${(await db.question.findUniqueOrThrow({ where: { id: ids.both } })).slug}`);
    assert.equal(found[0]!.hasBestAnswer, false);
  });

  test("a word no title holds, stop words only, or punctuation find nothing and never error", async () => {
    for (const title of [gamma, "the and of", "!!! ' | & :A", "", "é".repeat(400)]) {
      assert.deepEqual(await findSimilarQuestions(title), [], title);
    }
  });

  test("words shorter than three letters are left out", async () => {
    const found = await findSimilarQuestions(`a ${alpha} of`);
    assert.deepEqual(found.map((q) => q.id).sort((a, b) => a - b), [ids.alphaOnly, ids.both].sort((a, b) => a - b));
  });
});
