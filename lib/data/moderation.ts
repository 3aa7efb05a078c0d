import "server-only";
import { db } from "../db";

/** Open flags, grouped by post, oldest first: the moderators' queue. */
export async function listOpenFlags() {
  return db.flag.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      reason: true,
      note: true,
      createdAt: true,
      reporter: { select: { username: true } },
      question: { select: { id: true, slug: true, title: true, excerpt: true, hiddenAt: true, author: { select: { username: true } } } },
      answer: { select: { id: true, bodyMd: true, hiddenAt: true, author: { select: { username: true } }, question: { select: { id: true, slug: true, title: true } } } },
    },
  });
}

export function listAuditLog(page = 1) {
  return db.auditLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * 50,
    take: 50,
    select: { id: true, action: true, targetType: true, targetId: true, reason: true, before: true, after: true, createdAt: true, actor: { select: { username: true } } },
  });
}

export function searchMembers(q: string) {
  const key = q.trim().toLowerCase();
  return db.user.findMany({
    where: key ? { usernameKey: { contains: key } } : {},
    orderBy: [{ role: "desc" }, { usernameKey: "asc" }],
    take: 50,
    select: { id: true, username: true, role: true, points: true, suspendedUntil: true, createdAt: true },
  });
}
