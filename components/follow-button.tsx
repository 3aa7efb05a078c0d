"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { followAction, type FollowState } from "@/lib/actions/follow";
import type { FollowTarget } from "@/lib/commands/follow";

type Props = { target: FollowTarget; id: number; following: boolean; signedIn: boolean };

function ToggleButton({ following }: { following: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button-quiet" aria-pressed={following} disabled={pending} title="Hear about new posts here">
      {following ? "Following" : "Follow"}
    </button>
  );
}

/** Follow or unfollow a question, tag or category; a plain form post without JavaScript. */
export function FollowButton({ target, id, following, signedIn }: Props) {
  const pathname = usePathname();
  const [state, action] = useActionState<FollowState, FormData>(followAction, {});
  if (!signedIn) {
    return (
      <Link href={`/login?next=${encodeURIComponent(pathname)}`} className="button-quiet">
        Follow
      </Link>
    );
  }
  const now = state.following ?? following;
  return (
    <form action={action}>
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={id} />
      {/* The state asked for, not "toggle": a resent form cannot undo itself. */}
      <input type="hidden" name="follow" value={now ? "0" : "1"} />
      <ToggleButton following={now} />
      {state.message && (
        <span className="inline-error" role="alert">
          {" "}
          {state.message}
        </span>
      )}
    </form>
  );
}
