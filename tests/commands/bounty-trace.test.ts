/** An awarded bounty leaves its trace: on the thread (question and answer) and on /bounties. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseHTML } from "linkedom";
import { awardBounty, offerBounty } from "../../lib/commands/bounty";
import { listRecentlyAwardedBounties } from "../../lib/data/bounties";
import { loadPublicThread } from "../../lib/data/thread-cache";
import { findThread } from "../../lib/data/thread";
import { db } from "../../lib/db";
import { threadPageHtml } from "../../server/thread-page";
import { closeTestDatabase, openTestDatabase, uniqueName } from "../helpers/db";
import { answerAs, askAs, member } from "../helpers/fixtures";

before(openTestDatabase);
after(closeTestDatabase);

test("the awarded answer shows +amount bounty, the question says it had one, and /bounties lists it", async () => {
  const asker = await member();
  const q = await askAs(asker, "Why does TCP need a three-way handshake?");
  await db.question.update({ where: { id: q.id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
  const offerer = await member();
  await db.pointEvent.create({ data: { cause: "ADJUSTMENT", subject: uniqueName("adj"), seq: 0, userId: offerer.id, delta: 100 } });
  const winner = await member();
  const a = await answerAs(winner, q.id, "Both sides must learn the other's initial sequence number.");
  const other = await answerAs(await member(), q.id, "It is tradition, mostly, and it also avoids old duplicates.");
  const { bountyId } = await offerBounty({ ...offerer, points: 100 }, { questionId: q.id, amount: "50" });
  await awardBounty({ ...offerer, points: 50 }, { bountyId: String(bountyId), answerId: String(a.id) });

  const thread = await findThread(q.id);
  assert.equal(thread?.bounty, null, "no bounty is open any more");
  assert.deepEqual(thread?.awardedBounties.map((b) => [b.amount, b.awardedAnswerId, b.offerer.username]), [[50, a.id, offerer.username]]);

  const shared = (await loadPublicThread(q.id, "votes"))!;
  const doc = parseHTML(threadPageHtml({ shared, reader: null, order: "votes", opened: {}, notice: null, assets: { script: "/s.js", stylesheet: "/s.css" } })).document;
  assert.equal(doc.querySelector(`#answer-${a.id} .bounty-badge`)?.textContent, "+50 bounty");
  assert.equal(doc.querySelector(`#answer-${other.id} .bounty-badge`), null);
  const trace = doc.querySelector("aside.bounty-awarded")?.textContent ?? "";
  assert.match(trace, new RegExp(`\\+50 bounty from ${offerer.username}, awarded to ${winner.username}'s answer on`));
  assert.equal(doc.querySelector("aside.bounty-awarded a[href^='#answer-']")?.getAttribute("href"), `#answer-${a.id}`);

  const recent = await listRecentlyAwardedBounties(50);
  const listed = recent.find((b) => b.id === bountyId);
  assert.equal(listed?.amount, 50);
  assert.equal(listed?.awardedAnswer?.author.username, winner.username);
  assert.equal(listed?.question.id, q.id);
});
