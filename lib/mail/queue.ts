/**
 * Putting mail in the queue. Always inside the transaction of the write that causes it: the
 * row (and so the mail) exists only if that write commits. The sender (./sender.ts) sends it
 * afterwards, so no request ever waits for a mail server.
 */
import "server-only";
import type { Tx } from "../db";

export type MailKind = "reset" | "confirm" | "reply" | "mention" | "digest";

export async function queueMail(tx: Tx, mail: { kind: MailKind; userId: number; to: string; subject: string; text: string; html?: string }) {
  await tx.mail.create({ data: mail, select: { id: true } });
}
