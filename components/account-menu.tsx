import Link from "next/link";
import { logOutAction } from "@/lib/actions/log-out";
import type { CurrentUser } from "@/lib/auth/current-user";

export function AccountMenu({ user }: { user: CurrentUser }) {
  return (
    <>
      <Link href={`/users/${user.username}`} className="account-link">
        <span className="avatar" aria-hidden="true">
          {user.username.slice(0, 1).toUpperCase()}
        </span>
        <span className="account-name">{user.username}</span>
        <span className="account-points" aria-label={`${user.points} points`}>
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
