import "server-only";
import { db } from "../db";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export type LeaderboardEntry = { id: number; username: string; points: number };

/** Members with points, most first (ties by username). */
export async function listTopMembersAllTime(limit = 50): Promise<LeaderboardEntry[]> {
  return db.user.findMany({
    where: { points: { gt: 0 } },
    orderBy: [{ points: "desc" }, { username: "asc" }],
    take: limit,
    select: { id: true, username: true, points: true },
  });
}

/** Points earned in the seven days before `now`, net of reversals, most first. */
export async function listTopMembersThisWeek(limit = 50, now = new Date()): Promise<LeaderboardEntry[]> {
  const sums = await db.pointEvent.groupBy({
    by: ["userId"],
    where: { createdAt: { gte: new Date(now.getTime() - WEEK_MS) } },
    _sum: { delta: true },
    having: { delta: { _sum: { gt: 0 } } },
    orderBy: [{ _sum: { delta: "desc" } }, { userId: "asc" }],
    take: limit,
  });
  if (sums.length === 0) return [];
  const users = await db.user.findMany({
    where: { id: { in: sums.map((s) => s.userId) } },
    select: { id: true, username: true },
  });
  const usernames = new Map(users.map((u) => [u.id, u.username]));
  return sums
    .map((s) => ({ id: s.userId, username: usernames.get(s.userId) ?? "", points: s._sum.delta ?? 0 }))
    .sort((a, b) => b.points - a.points || a.username.localeCompare(b.username));
}
