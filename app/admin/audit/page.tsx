import type { Metadata } from "next";
import Link from "next/link";
import { AuditDescription } from "@/components/audit-description";
import { RelativeTime } from "@/components/relative-time";
import { requireStaffPage } from "@/lib/auth/require-role";
import { loadAuditTargets } from "@/lib/data/audit-log";
import { listAuditLog } from "@/lib/data/moderation";
import { userPath } from "@/lib/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireStaffPage("/admin/audit", "ADMIN");
  const entries = await listAuditLog();
  const targets = await loadAuditTargets(entries);
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every moderator and admin action, newest first. Entries cannot be changed or removed.</p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>
                <RelativeTime date={e.createdAt} />
              </td>
              <td>
                <Link href={userPath(e.actor.username)}>{e.actor.username}</Link>
              </td>
              <td>
                <AuditDescription entry={e} targets={targets} />
              </td>
              <td>{e.reason || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
