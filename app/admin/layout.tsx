import Link from "next/link";
import type { ReactNode } from "react";
import { requireStaffPage } from "@/lib/auth/require-role";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaffPage("/admin", "MODERATOR");
  return (
    <div className="form-page">
      <nav className="admin-nav" aria-label="Administration">
        <Link href="/admin/members">Members</Link>
        <Link href="/moderation">Flag queue</Link>
        {user.role === "ADMIN" && (
          <>
            <Link href="/admin/categories">Categories</Link>
            <Link href="/admin/rules">Points rules</Link>
            <Link href="/admin/audit">Audit log</Link>
            <Link href="/admin/outbox">Outbox</Link>
          </>
        )}
      </nav>
      {children}
    </div>
  );
}
