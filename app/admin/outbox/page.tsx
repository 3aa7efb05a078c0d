import type { Metadata } from "next";
import { RelativeTime } from "@/components/relative-time";
import { requireStaffPage } from "@/lib/auth/require-role";
import { listOutbox } from "@/lib/data/outbox";
import { mailTransportName } from "@/lib/mail/config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outbox", referrer: "no-referrer" };

const statusLabel = { PENDING: "waiting", SENDING: "sending", SENT: "sent", FAILED: "failed", CANCELLED: "cancelled" } as const;

export default async function OutboxPage() {
  // Admins only, checked here on the server: the outbox holds password reset links.
  await requireStaffPage("/admin/outbox", "ADMIN");
  const mails = await listOutbox();
  const smtp = mailTransportName() === "smtp";
  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        {smtp
          ? "Mail is sent through the SMTP server in SMTP_URL. The newest 100, with what became of each."
          : "No SMTP_URL is set: mail is not sent anywhere but kept here (and in the log). The newest 100."}
      </p>
      {mails.length === 0 ? (
        <p className="empty">No mail yet.</p>
      ) : (
        <ol className="outbox" reversed>
          {mails.map((m) => (
            <li key={m.id} className="outbox-mail" data-testid="outbox-mail">
              <details>
                <summary>
                  <strong>{m.subject || "(written when sent)"}</strong> to {m.to}
                  <span className="muted">
                    {" "}· {m.kind} · {statusLabel[m.status]}
                    {m.attempts > 1 && ` after ${m.attempts} attempts`} · <RelativeTime date={m.sentAt ?? m.createdAt} />
                  </span>
                </summary>
                {m.error && <p className="field-error">Last error: {m.error}</p>}
                <pre className="outbox-text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
