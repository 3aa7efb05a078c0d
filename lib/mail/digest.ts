/**
 * The daily digest: for each member who opted in (with a confirmed address), one mail listing
 * the questions asked in the tags they follow since their last digest; none when there are
 * none. Members are claimed with FOR UPDATE SKIP LOCKED and their digestSentAt moved in the
 * same transaction as the mail is queued, so two app servers never send one digest twice.
 */
import "server-only";
import { db, type Tx } from "../db";
import { digestMail } from "./compose";
import { queueMail } from "./queue";

export const DIGEST_PERIOD_MS = 24 * 3600_000;
const MEMBERS_PER_TRANSACTION = 50;
const QUESTIONS_PER_DIGEST = 30;

type DueMember = { id: number; username: string; email: string; since: Date | null };

async function claimDueMembers(tx: Tx, now: Date): Promise<DueMember[]> {
  return tx.$queryRaw<DueMember[]>`
    WITH due AS (
      SELECT "id", "digestSentAt" FROM "User"
      WHERE "mailDigest" AND "emailVerified" IS NOT NULL AND "email" IS NOT NULL
        AND ("digestSentAt" IS NULL OR "digestSentAt" <= ${new Date(now.getTime() - DIGEST_PERIOD_MS)}::timestamp)
      ORDER BY "id" LIMIT ${MEMBERS_PER_TRANSACTION} FOR UPDATE SKIP LOCKED)
    UPDATE "User" u SET "digestSentAt" = ${now}::timestamp FROM due WHERE u."id" = due."id"
    RETURNING u."id", u."username", u."email", due."digestSentAt" AS "since"`;
}

async function queueDigest(tx: Tx, member: DueMember, now: Date): Promise<boolean> {
  const since = member.since ?? new Date(now.getTime() - DIGEST_PERIOD_MS);
  const followed = { some: { tag: { follows: { some: { userId: member.id } } } } };
  const questions = await tx.question.findMany({
    where: { createdAt: { gt: since, lte: now }, deletedAt: null, hiddenAt: null, authorId: { not: member.id }, tags: followed },
    orderBy: { createdAt: "desc" },
    take: QUESTIONS_PER_DIGEST,
    select: { id: true, slug: true, title: true, tags: { select: { tag: { select: { name: true } } } } },
  });
  if (questions.length === 0) return false;
  const tags = await tx.tag.findMany({ where: { follows: { some: { userId: member.id } } }, select: { name: true }, orderBy: { name: "asc" } });
  const mail = digestMail({
    username: member.username,
    tags: tags.map((t) => t.name),
    questions: questions.map((q) => ({ ...q, tags: q.tags.map((t) => t.tag.name) })),
  });
  await queueMail(tx, { kind: "digest", userId: member.id, to: member.email, ...mail });
  return true;
}

/** Queues every digest that is due; returns how many mails were queued. */
export async function queueDueDigests(now = new Date()): Promise<number> {
  let queued = 0;
  for (;;) {
    const { claimed, mails } = await db.$transaction(async (tx) => {
      const members = await claimDueMembers(tx, now);
      let mails = 0;
      for (const member of members) if (await queueDigest(tx, member, now)) mails++;
      return { claimed: members.length, mails };
    });
    queued += mails;
    if (claimed < MEMBERS_PER_TRANSACTION) return queued;
  }
}
