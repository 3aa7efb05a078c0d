/** @jsxImportSource hono/jsx */
import type { FollowTarget } from "@/lib/commands/follow-targets";
import { loginPath } from "@/lib/paths";

type Props = { target: FollowTarget; id: number; following: boolean; signedIn: boolean; back: string };

/**
 * Follow or unfollow a question, tag or category: a form posting to /api/follow, which the
 * thread page's script toggles in place (lib/enhance/follow.ts) and which otherwise posts and
 * comes back. Signed out, a link to log in.
 */
export function FollowButton({ target, id, following, signedIn, back }: Props) {
  if (!signedIn) {
    return (
      <a href={loginPath(back)} class="button-quiet">
        Follow
      </a>
    );
  }
  return (
    <form action="/api/follow" method="post" data-follow-form="">
      <input type="hidden" name="back" value={back} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={String(id)} />
      {/* The state asked for, not "toggle": a form sent twice cannot undo itself. */}
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      <button type="submit" class="button-quiet" aria-pressed={following ? "true" : "false"} title="Hear about new posts here">
        {following ? "Following" : "Follow"}
      </button>
    </form>
  );
}
