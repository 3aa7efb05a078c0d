/**
 * Where mail goes, read once from the environment: an SMTP server (`SMTP_URL`, from `MAIL_FROM`)
 * or, by default, the outbox: the Mail table the admin reads at /admin/outbox, and the log.
 * The default needs no server, so a fresh forum can still reset a password.
 */
type Env = Record<string, string | undefined>;

export type MailConfig = {
  /** smtp://user:pass@host:587 or smtps://...; null: the outbox only. */
  smtpUrl: string | null;
  from: string;
  /** The forum's public address, the start of every link in a mail. */
  siteUrl: string;
  /** How often the sender looks for due mail. */
  intervalMs: number;
};

export function readMailConfig(env: Env = process.env): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) throw new Error("SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465.");
  const from = env.MAIL_FROM?.trim() || "Packets & Pointers <forum@localhost>";
  // Never the request's Host header: a forged one would put an attacker's host in a reset link.
  const siteUrl = (env.SITE_URL?.trim() || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
  if (!URL.canParse(siteUrl) || !/^https?:$/.test(new URL(siteUrl).protocol)) throw new Error("SITE_URL must be an http(s) address, e.g. https://forum.example.org.");
  const intervalMs = Number(env.MAIL_INTERVAL_MS || 5000);
  if (!Number.isFinite(intervalMs) || intervalMs < 50) throw new Error("MAIL_INTERVAL_MS must be a number of milliseconds, at least 50.");
  return { smtpUrl, from, siteUrl, intervalMs };
}

/** Which way mail leaves this process: "smtp" or "outbox". */
export function mailTransportName(env: Env = process.env): "smtp" | "outbox" {
  return readMailConfig(env).smtpUrl ? "smtp" : "outbox";
}

/** An absolute link to a path of this forum, for a mail. */
export function siteLink(path: string, env: Env = process.env): string {
  return `${readMailConfig(env).siteUrl}${path}`;
}
