import "server-only";
import type { Tx } from "./db";
import type { Prisma } from "./generated/prisma/client";

export type AuditEntry = {
  actorId: number;
  action: string;
  targetType: "question" | "answer" | "comment" | "member" | "category" | "rules" | "flag" | "ledger";
  targetId?: number | null;
  reason?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Records a moderator's or admin's action in the same transaction as the action itself. */
export function audit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({ data: { ...entry, reason: entry.reason ?? "" } });
}
