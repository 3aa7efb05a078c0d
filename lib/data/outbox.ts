import "server-only";
import { db } from "../db";

/** The newest mail, sent or not, for /admin/outbox (admins only: it holds reset links). */
export async function listOutbox(take = 100) {
  return db.mail.findMany({
    orderBy: { id: "desc" },
    take,
    select: { id: true, kind: true, to: true, subject: true, text: true, status: true, attempts: true, nextAttemptAt: true, sentAt: true, error: true, createdAt: true },
  });
}
