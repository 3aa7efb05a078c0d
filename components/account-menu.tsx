import Link from "next/link";
import { logOutAction } from "@/lib/actions/log-out";
import type { CurrentUser } from "@/lib/auth/current-user";
import { InboxLink } from "./inbox-link";

export function AccountMenu({ user, unread }: { user: CurrentUser; unread: number }) {
  return (
    <>
      {user.role !== "MEMBER" && (
        <Link href="/admin/members" className="account-admin">
          {user.role === "ADMIN" ? "Admin" : "Moderate"}
        </Link>
      )}
      <InboxLink unread={unread} />
      <Link href={`/users/${user.username}`} className="account-link" aria-label={`${user.username}, ${user.points} points`}>
        <span className="avatar" aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
        <span className="account-name">{user.username}</span>
        <span className="account-points">
          {user.points.toLocaleString("en-US")}
        </span>
      </Link>
      <form action={logOutAction}>
        <button type="submit" className="button-quiet">
          Log out
        </button>
      </form>
    </>
  );
}
