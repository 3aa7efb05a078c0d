/** @jsxImportSource hono/jsx */
import { loginPath } from "@/lib/paths";
import type { PostPart } from "./post-part";

type Props = { postType: "question" | "answer"; postId: number; score: number; part: PostPart; back: string };

function Score({ value }: { value: number }) {
  return (
    <output class="vote-score" aria-live="polite" aria-atomic="true">
      <span class="visually-hidden">Score </span>
      {String(value)}
    </output>
  );
}

/**
 * Up and down arrows and the score of one post. Signed-out readers get links to log in; a
 * member, a form posting to /api/votes, pressed as they voted, each arrow disabled (with the
 * reason as its title) where the vote would be refused: their own post, a locked thread, a
 * direction their points do not reach yet. The page's script sends it in place
 * (lib/enhance/votes.ts).
 */
export function VoteControl({ postType, postId, score, part, back }: Props) {
  if (!part.signedIn) {
    const login = loginPath(back);
    return (
      <div class="votes">
        <a href={login} class="vote-arrow" aria-label="Upvote (log in to vote)">
          <span aria-hidden="true">▲</span>
        </a>
        <Score value={score} />
        <a href={login} class="vote-arrow" aria-label="Downvote (log in to vote)">
          <span aria-hidden="true">▼</span>
        </a>
      </div>
    );
  }
  const arrow = (direction: "up" | "down", vote: 1 | -1, label: string, glyph: string) => {
    const refusal = part.voteRefusal ?? part.pointsRefusal[direction];
    return (
      <button
        type="submit"
        name="direction"
        value={direction}
        class="vote-arrow"
        aria-pressed={part.myVote === vote ? "true" : "false"}
        aria-label={part.myVote === vote ? `Remove ${label.toLowerCase()}` : label}
        disabled={refusal !== null}
        title={refusal ?? undefined}
      >
        <span aria-hidden="true">{glyph}</span>
      </button>
    );
  };
  return (
    <form class="votes" action="/api/votes" method="post" data-vote-form="">
      <input type="hidden" name="back" value={back} />
      <input type="hidden" name="postType" value={postType} />
      <input type="hidden" name="postId" value={String(postId)} />
      {arrow("up", 1, "Upvote", "▲")}
      <Score value={score} />
      {arrow("down", -1, "Downvote", "▼")}
    </form>
  );
}
