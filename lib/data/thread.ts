import "server-only";
import { db } from "../db";

export type AnswerOrder = "votes" | "newest";

/**
 * A thread: the question, its live answers (the best answer first, then by score, or the
 * newest first when the reader asks, then oldest first), its open bounty and the bounties it
 * awarded, in one statement.
 * Posts hidden by spam flags and deleted posts are left out for everyone but moderators
 * (`includeHidden`), who see them in place, marked, with the controls that bring them back.
 */
export async function findThread(id: number, { order = "votes", includeHidden = false }: { order?: AnswerOrder; includeHidden?: boolean } = {}) {
  const question = await db.question.findFirst({
    where: { id, ...(includeHidden ? {} : { deletedAt: null, hiddenAt: null }) },
    select: {
      id: true,
      title: true,
      slug: true,
      bodyHtml: true,
      excerpt: true,
      createdAt: true,
      updatedAt: true,
      viewCount: true,
      score: true,
      bestAnswerId: true,
      lockedAt: true,
      closedAt: true,
      closeReason: true,
      hiddenAt: true,
      deletedAt: true,
      authorId: true,
      duplicateOf: { select: { id: true, slug: true, title: true } },
      author: { select: { username: true } },
      category: { select: { id: true, slug: true, name: true, emoji: true } },
      tags: { select: { tag: { select: { name: true } } } },
      answers: {
        where: includeHidden ? {} : { deletedAt: null, hiddenAt: null },
        select: { id: true, bodyHtml: true, createdAt: true, updatedAt: true, score: true, authorId: true, hiddenAt: true, deletedAt: true, author: { select: { username: true } } },
        orderBy: order === "newest" ? [{ createdAt: "desc" }, { id: "desc" }] : [{ score: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      },
      // At most one is open (a partial unique index says so); the awarded ones leave their
      // trace on the thread (the question had a bounty, the answer that won it says so).
      bounties: {
        where: { status: { in: ["OPEN", "AWARDED"] } },
        orderBy: { id: "asc" },
        select: { id: true, amount: true, status: true, createdAt: true, expiresAt: true, closedAt: true, awardedAnswerId: true, offererId: true, offerer: { select: { username: true } } },
      },
    },
  });
  if (!question) return null;
  const { answers, bounties, ...rest } = question;
  const best = answers.filter((a) => a.id === question.bestAnswerId);
  const others = answers.filter((a) => a.id !== question.bestAnswerId);
  type Row = (typeof bounties)[number];
  type Shown = Omit<Row, "status" | "awardedAnswerId" | "closedAt">;
  let open: Shown | null = null;
  const awarded: (Shown & { awardedAnswerId: number; closedAt: Date | null })[] = [];
  for (const { status, awardedAnswerId, closedAt, ...bounty } of bounties) {
    if (status === "OPEN") open = bounty;
    else if (awardedAnswerId !== null) awarded.push({ ...bounty, awardedAnswerId, closedAt });
  }
  return { question: rest, answers: [...best, ...others], bounty: open, awardedBounties: awarded };
}

export type Thread = NonNullable<Awaited<ReturnType<typeof findThread>>>;
