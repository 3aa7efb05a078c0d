import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { db } from "../lib/db";
import { estimateMatchShares, firstWindowFor, searchStats, type SearchStats } from "../lib/data/search-estimate";
import { closeTestDatabase, openTestDatabase } from "./helpers/db";
import { answerAs, askAs, member } from "./helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

const stats: SearchStats = {
  questions: { shares: new Map([["tcp", 0.2], ["window", 0.04], ["scale", 0.04], ["load", 0.05], ["balanc", 0.03]]), rare: 0.0001 },
  answers: { shares: new Map([["tcp", 0.1], ["window", 0.02]]), rare: 0.0001 },
  answersPerQuestion: 2,
};
const close = (actual: number | undefined, expected: number) => assert.ok(Math.abs((actual ?? NaN) - expected) < 1e-9, `${actual} != ${expected}`);

test("shares combine as the words do: AND backs off, a phrase is its rarest word, OR adds, NOT inverts", () => {
  close(estimateMatchShares("'tcp'", stats)?.questions, 0.2);
  close(estimateMatchShares("'tcp'", stats)?.all, 0.2 + 2 * 0.1);
  close(estimateMatchShares("'window' & 'scale'", stats)?.questions, 0.04 * Math.sqrt(0.04));
  close(estimateMatchShares("'load' <-> 'balanc'", stats)?.questions, 0.03);
  close(estimateMatchShares("'tcp' | 'window'", stats)?.questions, 0.2 + 0.04 - 0.2 * 0.04);
  close(estimateMatchShares("'tcp' & !'window'", stats)?.questions, 0.2 * Math.sqrt(0.96));
  close(estimateMatchShares("( 'tcp' | 'load' ) & 'zebra'", stats)?.questions, 0.0001 * Math.sqrt(0.2 + 0.05 - 0.01));
  // Not websearch_to_tsquery's output: no estimate.
  for (const odd of ["'tcp':*", "'tcp' &", "( 'tcp'", "", "tcp"]) assert.equal(estimateMatchShares(odd, stats), null, odd);
});

test("the first window: the floor for common words, all questions for rare ones, an estimate between", () => {
  const floor = 2000;
  assert.equal(firstWindowFor("'tcp'", stats, 60, floor), floor);
  assert.equal(firstWindowFor("'zebra'", stats, 60, floor), Infinity);
  // Questions alone should hold the block: 60 x 2.5 matches over their estimated share.
  assert.equal(firstWindowFor("'tcp' & 'load'", stats, 60, floor), Math.ceil(150 / (0.05 * Math.sqrt(0.2))));
  // Past eight times the floor, the cap: an estimate too low must not read half the index.
  assert.equal(firstWindowFor("'window' & 'scale'", stats, 60, floor), 8 * floor);
  assert.equal(firstWindowFor("'tcp'", null, 60, floor), floor, "no statistics yet");
  assert.equal(firstWindowFor("'tcp':*", stats, 60, floor), floor, "no estimate");
});

test("the statistics come from PostgreSQL's, once analyzed, and are kept", async () => {
  const asker = await member();
  for (let i = 0; i < 4; i++) {
    const q = await askAs(asker, `Estimating qqlexeme number ${i} in a question title`);
    await answerAs(await member(), q.id, `An answer that says qqlexeme too, number ${i}.`);
  }
  await db.$executeRawUnsafe(`ANALYZE "Question", "Answer"`);
  const read = await searchStats(Date.now() + 3_600_000);
  assert.ok(read, "analyzed tables give statistics");
  for (const s of [read.questions, read.answers]) {
    assert.ok((s.shares.get("qqlexem") ?? 0) > 0, "a word in every row is among the common ones");
    for (const share of s.shares.values()) assert.ok(share > 0 && share <= 1);
    assert.ok(s.rare > 0 && s.rare <= 0.005);
  }
  assert.ok(read.answersPerQuestion > 0);
  assert.equal(await searchStats(), read, "read again only after ten minutes");
});
