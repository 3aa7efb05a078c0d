import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createQuestion } from "../lib/commands/create-question";
import { askWithinAllowance } from "../lib/trust";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { code } from "./helpers/errors";
import { member, someCategoryId } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

const question = async (title: string) => ({
  title,
  body: "I read about congestion control and want to understand slow start.",
  categoryId: await someCategoryId(),
  tags: "tcp",
});

test("a refused question leaves a new member's one question of the interval unspent; a posted one spends it", async () => {
  const newbie = await member();
  // Refused by the command (a title too short): the corrected question still goes through.
  await assert.rejects(askWithinAllowance(newbie, async () => createQuestion(newbie, await question("Short"))), code("BAD_INPUT"));
  const posted = await askWithinAllowance(newbie, async () => createQuestion(newbie, await question("How does TCP slow start grow its window?")));
  assert.ok(posted.id > 0);
  // Posted: the next question within the interval is refused, and the refusal spends nothing more.
  await assert.rejects(askWithinAllowance(newbie, async () => createQuestion(newbie, await question("What does the congestion window measure?"))), code("RATE_LIMITED"));
});
