import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { ActionForm } from "@/components/action-form";
import { adjustPointsAction, changeRoleAction, liftSuspensionAction, suspendMemberAction } from "@/lib/actions/moderation";
import { requireStaffPage } from "@/lib/auth/require-role";
import { searchMembers } from "@/lib/data/moderation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

export default async function MembersAdminPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await requireStaffPage("/admin/members", "MODERATOR");
  const q = ((await searchParams).q ?? "").slice(0, 40);
  const members = await searchMembers(q);
  const now = new Date();
  return (
    <>
      <h1>Members</h1>
      <form method="get" className="inline-form" role="search">
        <label htmlFor="member-q">Username</label>
        <input id="member-q" name="q" defaultValue={q} />
        <button type="submit">Search</button>
      </form>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">Points</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const suspended = m.suspendedUntil && m.suspendedUntil > now;
            return (
              <tr key={m.id} aria-label={`Member ${m.username}`}>
                <td>
                  <Link href={`/users/${m.username}`}>{m.username}</Link>
                  {suspended && <p className="inline-error">Suspended until {m.suspendedUntil!.toUTCString()}</p>}
                </td>
                <td>
                  {viewer.role === "ADMIN" && m.id !== viewer.id ? (
                    <ActionForm action={changeRoleAction} submitLabel="Set role" buttonClassName="button-quiet">
                      <input type="hidden" name="userId" value={m.id} />
                      <label htmlFor={`role-${m.id}`} className="visually-hidden">Role of {m.username}</label>
                      <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                        <option value="MEMBER">member</option>
                        <option value="MODERATOR">moderator</option>
                        <option value="ADMIN">admin</option>
                      </select>
                    </ActionForm>
                  ) : (
                    m.role.toLowerCase()
                  )}
                </td>
                <td>{m.points}</td>
                <td>
                  {suspended ? (
                    <ActionButton action={liftSuspensionAction} fields={{ userId: m.id }} label="Lift suspension" />
                  ) : (
                    <ActionForm action={suspendMemberAction} submitLabel="Suspend" buttonClassName="button-quiet">
                      <input type="hidden" name="userId" value={m.id} />
                      <label htmlFor={`days-${m.id}`}>Days</label>
                      <input id={`days-${m.id}`} name="days" type="number" min={1} max={3650} defaultValue={7} style={{ width: "5rem" }} />
                      <label htmlFor={`sreason-${m.id}`}>Reason</label>
                      <input id={`sreason-${m.id}`} name="reason" required />
                    </ActionForm>
                  )}
                  <ActionForm action={adjustPointsAction} submitLabel="Adjust points" buttonClassName="button-quiet">
                    <input type="hidden" name="userId" value={m.id} />
                    <label htmlFor={`delta-${m.id}`}>Points (+/-)</label>
                    <input id={`delta-${m.id}`} name="delta" type="number" style={{ width: "6rem" }} />
                    <label htmlFor={`areason-${m.id}`}>Reason</label>
                    <input id={`areason-${m.id}`} name="reason" required />
                  </ActionForm>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
