import "server-only";
import { db } from "../db";

const PAGE_SIZE = 20;

/** The open bounty on a question, if any, as the thread shows it. */
export async function findOpenBounty(questionId: number) {
  return db.bounty.findFirst({
    where: { questionId, status: "OPEN" },
    select: { id: true, amount: true, createdAt: true, expiresAt: true, offererId: true, offerer: { select: { username: true } } },
  });
}

export type OpenBounty = NonNullable<Awaited<ReturnType<typeof findOpenBounty>>>;

/**
 * Questions with an open bounty, newest bounty first. Bounties past their end are left out
 * even before the minute job closes them.
 */
export async function listOpenBounties(page = 1, now = new Date()) {
  const rows = await db.bounty.findMany({
    where: { status: "OPEN", expiresAt: { gt: now }, question: { deletedAt: null } },
    select: {
      id: true,
      amount: true,
      expiresAt: true,
      question: { select: { id: true, title: true, slug: true, answerCount: true, score: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
  });
  return { bounties: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

export type OpenBountySummary = Awaited<ReturnType<typeof listOpenBounties>>["bounties"][number];
