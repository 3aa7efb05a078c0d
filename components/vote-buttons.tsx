"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { startTransition, useOptimistic, useState, type FormEvent } from "react";
import { voteAction, type VoteState } from "@/lib/actions/vote";
import { predictVote } from "@/lib/vote-state";
import styles from "./vote-buttons.module.css";

type Vote = -1 | 0 | 1;
type Props = { postType: "question" | "answer"; postId: number; score: number; myVote: Vote; canVote: boolean; signedIn: boolean };

/**
 * Up/down arrows and the score of one post. A fresh score from the server (the page
 * re-rendered after another write) remounts the form, so its state never hides newer data.
 */
export function VoteButtons(props: Props) {
  if (!props.signedIn) return <SignedOutVotes score={props.score} />;
  return <VoteForm key={`${props.score}:${props.myVote}`} {...props} />;
}

function VoteForm({ postType, postId, score, myVote, canVote }: Props) {
  const [state, setState] = useState<VoteState>({ score, myVote });
  const [shown, applyClick] = useOptimistic(state, predictVote);
  const back = usePathname() ?? "/";

  // With JavaScript: show the click at once, then call the action in place. Without it the
  // form posts to /api/votes, which votes and comes back to the thread. (A server-action form
  // per post, for that fallback, cost a quarter of a 30-answer thread's render.)
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const direction = submitter?.value === "down" ? "down" : "up";
    const data = new FormData(e.currentTarget);
    data.set("direction", direction);
    startTransition(async () => {
      applyClick(direction);
      const next = await voteAction(state, data);
      startTransition(() => setState(next));
    });
  }

  const title = canVote ? undefined : "You cannot vote on your own post.";
  return (
    <form action="/api/votes" method="post" onSubmit={onSubmit} className={styles.votes}>
      <input type="hidden" name="back" value={back} />
      <input type="hidden" name="postType" value={postType} />
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" name="direction" value="up" className={styles.arrow} aria-pressed={shown.myVote === 1} aria-label={shown.myVote === 1 ? "Remove upvote" : "Upvote"} disabled={!canVote} title={title}>
        <span aria-hidden="true">▲</span>
      </button>
      <Score value={shown.score} />
      <button type="submit" name="direction" value="down" className={styles.arrow} aria-pressed={shown.myVote === -1} aria-label={shown.myVote === -1 ? "Remove downvote" : "Downvote"} disabled={!canVote} title={title}>
        <span aria-hidden="true">▼</span>
      </button>
      {state.message && (
        <p className="vote-message" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}

function Score({ value }: { value: number }) {
  return (
    <output className={styles.score} aria-live="polite" aria-atomic="true">
      <span className="visually-hidden">Score </span>
      {value}
    </output>
  );
}

/** Signed-out readers (and the cached page they get) see links to log in instead of buttons. */
function SignedOutVotes({ score }: { score: number }) {
  const login = `/login?next=${encodeURIComponent(usePathname() ?? "/")}`;
  return (
    <div className={styles.votes}>
      <Link href={login} className={styles.arrow} aria-label="Upvote (log in to vote)">
        <span aria-hidden="true">▲</span>
      </Link>
      <Score value={score} />
      <Link href={login} className={styles.arrow} aria-label="Downvote (log in to vote)">
        <span aria-hidden="true">▼</span>
      </Link>
    </div>
  );
}
