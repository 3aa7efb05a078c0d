/**
 * The background sender, one per app process (started by server.ts). Each pass claims the mail
 * that is due with FOR UPDATE SKIP LOCKED, so several app servers on one database never take the
 * same row, marks it SENDING with a lease, and sends it outside any transaction. A failure
 * waits longer each time (back-off) before the next attempt; after MAX_ATTEMPTS it stays
 * FAILED, with the error, in the outbox. A sender that dies mid-send leaves the row SENDING
 * until its lease ends, then another takes it: mail is sent at least once, never lost.
 */
import "server-only";
import { db } from "../db";
import { processState } from "../process-state";
import { noticeMail } from "./compose";
import { readMailConfig } from "./config";
import { createTransport, type MailTransport } from "./transport";

export const MAX_ATTEMPTS = 6;
const BATCH = 20;
const LEASE_MS = 5 * 60_000;

/** Waits after the n-th failed attempt: 30 s, 2 min, 8 min, 32 min, then 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 2 * 3600_000);
}

type Claimed = { id: number; to: string; subject: string; text: string; html: string | null; notificationId: number | null; attempts: number };

async function claimDueMail(now: Date, limit: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "Mail" SET "status" = 'SENDING', "attempts" = "attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}::timestamp
    WHERE "id" IN (
      SELECT "id" FROM "Mail" WHERE "status" IN ('PENDING', 'SENDING') AND "nextAttemptAt" <= ${now}::timestamp
      ORDER BY "nextAttemptAt", "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "html", "notificationId", "attempts"`;
}

/** A notice's mail gets its words when first sent; a notice deleted meanwhile cancels it. */
async function contentOf(mail: Claimed): Promise<Claimed | null> {
  if (mail.subject || mail.notificationId === null) return mail;
  const composed = await noticeMail(mail.notificationId);
  if (!composed) {
    await db.mail.update({ where: { id: mail.id }, data: { status: "CANCELLED", error: "The post it was about is gone." } });
    return null;
  }
  await db.mail.update({ where: { id: mail.id }, data: composed });
  return { ...mail, ...composed };
}

export type SenderPass = { sent: number; failed: number };

/** One pass: sends every due mail (in batches), returns how many were sent and how many failed. */
export async function sendDueMail(transport: MailTransport, now = new Date()): Promise<SenderPass> {
  const pass = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await claimDueMail(now, BATCH);
    for (const claimed of batch) {
      const mail = await contentOf(claimed);
      if (!mail) continue;
      try {
        await transport.send(mail);
        await db.mail.updateMany({ where: { id: mail.id, status: "SENDING" }, data: { status: "SENT", sentAt: new Date(), error: null } });
        pass.sent++;
      } catch (err) {
        const final = mail.attempts >= MAX_ATTEMPTS;
        await db.mail.updateMany({
          where: { id: mail.id, status: "SENDING" },
          data: {
            status: final ? "FAILED" : "PENDING",
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)),
            error: String((err as Error).message ?? err).slice(0, 500),
          },
        });
        pass.failed++;
      }
    }
    if (batch.length < BATCH) return pass;
  }
}

type SenderState = { timer?: NodeJS.Timeout; running?: Promise<unknown>; transport?: MailTransport };
const state = processState<SenderState>("mail-sender", () => ({}));

/** Starts the sender. A pass never overlaps the previous one; a failing pass is logged and the next tick tries again. */
export function startMailSender(): void {
  if (state.timer) return;
  const config = readMailConfig();
  const transport = (state.transport = createTransport(config));
  const tick = () => {
    if (state.running) return;
    state.running = sendDueMail(transport)
      .catch((err: Error) => console.error(`Mail: a sending pass failed: ${err.message}`))
      .finally(() => (state.running = undefined));
  };
  state.timer = setInterval(tick, config.intervalMs);
  state.timer.unref();
  tick();
}

export async function stopMailSender(): Promise<void> {
  clearInterval(state.timer);
  state.timer = undefined;
  await state.running;
  state.transport?.close?.();
  state.transport = undefined;
}
