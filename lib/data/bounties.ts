import "server-only";
import { db } from "../db";
import type { Thread } from "./thread";

const PAGE_SIZE = 20;

/** The open bounty on a question, as the thread shows it (read with the thread by findThread). */
export type OpenBounty = NonNullable<Thread["bounty"]>;

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

/** The bounties awarded most recently, for /bounties: which answer won how many points, and when. */
export async function listRecentlyAwardedBounties(limit = 10) {
  return db.bounty.findMany({
    where: { status: "AWARDED", question: { deletedAt: null }, awardedAnswer: { deletedAt: null } },
    select: {
      id: true,
      amount: true,
      closedAt: true,
      awardedAnswerId: true,
      offerer: { select: { username: true } },
      awardedAnswer: { select: { author: { select: { username: true } } } },
      question: { select: { id: true, title: true, slug: true } },
    },
    orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}
