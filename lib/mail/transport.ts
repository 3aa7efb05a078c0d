/**
 * The two ways a mail leaves: an SMTP server through nodemailer, or the outbox (the Mail row
 * itself, which the admin reads at /admin/outbox, and a line in the log).
 */
import nodemailer from "nodemailer";
import type { MailConfig } from "./config";

export type OutgoingMail = { to: string; subject: string; text: string; html?: string | null };

export type MailTransport = {
  /** "smtp" or "outbox": shown on /admin/outbox. */
  name: string;
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
};

export function createTransport(config: MailConfig): MailTransport {
  if (!config.smtpUrl) return outboxTransport;
  const smtp = nodemailer.createTransport(config.smtpUrl, { from: config.from });
  return {
    name: "smtp",
    async send(mail) {
      await smtp.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
    },
    close: () => smtp.close(),
  };
}

/** Nothing to send to: the row stays in the outbox, and the log shows it for whoever runs the forum. */
export const outboxTransport: MailTransport = {
  name: "outbox",
  async send(mail) {
    console.log(`Mail to ${mail.to} (outbox, no SMTP_URL): ${mail.subject}\n${mail.text.replace(/^/gm, "  | ")}`);
  },
};
