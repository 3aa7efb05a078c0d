import type { Metadata } from "next";
import { RelativeTime } from "@/components/relative-time";
import { requireStaffPage } from "@/lib/auth/require-role";
import { listAuditLog } from "@/lib/data/moderation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireStaffPage("/admin/audit", "ADMIN");
  const entries = await listAuditLog();
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
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td><RelativeTime date={e.createdAt} /></td>
              <td>{e.actor.username}</td>
              <td>
                {e.action} {e.targetType}
                {e.targetId ? ` #${e.targetId}` : ""}
                {e.reason && <span className="muted"> — {e.reason}</span>}
              </td>
              <td><code>{JSON.stringify(e.before ?? null)}</code> → <code>{JSON.stringify(e.after ?? null)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
