import "server-only";
import { db } from "../db";

const PAGE_SIZE = 30;

/** A member's notifications, newest first, with what the inbox needs to describe and link them. */
export async function listNotifications(userId: number, page = 1) {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      kind: true,
      message: true,
      createdAt: true,
      readAt: true,
      answerId: true,
      commentId: true,
      actor: { select: { username: true } },
      question: { select: { id: true, slug: true, title: true, deletedAt: true } },
    },
  });
  return { notifications: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

export type InboxNotification = Awaited<ReturnType<typeof listNotifications>>["notifications"][number];

/** The header's badge: one count over the (userId, readAt, createdAt) index. */
export function countUnread(userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
