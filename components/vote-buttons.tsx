"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { startTransition, useOptimistic, useState, type FormEvent } from "react";
import { voteAction } from "@/lib/actions/vote";
import styles from "./vote-buttons.module.css";

type Vote = -1 | 0 | 1;
type Props = { postType: "question" | "answer"; postId: number; score: number; myVote: Vote; canVote: boolean; signedIn: boolean };
type Shown = { score: number; myVote: Vote; message?: string };

// As a form's own action (without JavaScript) the outcome is not read: the thread re-renders.
const voteFormAction: (form: FormData) => void = voteAction;

/** What the server will do with a click: the same arrow again removes the vote. */
function predict(state: Shown, direction: "up" | "down"): Shown {
  const wanted = direction === "up" ? 1 : -1;
  const next: Vote = state.myVote === wanted ? 0 : wanted;
  return { score: state.score - state.myVote + next, myVote: next };
}

/**
 * Up/down arrows and the score of one post. A fresh score from the server (the page
 * re-rendered after another write) remounts the form, so its state never hides newer data.
 */
export function VoteButtons(props: Props) {
  if (!props.signedIn) return <SignedOutVotes score={props.score} />;
  return <VoteForm key={`${props.score}:${props.myVote}`} {...props} />;
}

// No useActionState here: a thread has a vote form per post, and rendering each one's
// no-JavaScript action state on the server cost more than the rest of the form. The action
// takes only the form, so a post without JavaScript still votes (the thread re-renders).
function VoteForm({ postType, postId, score, myVote, canVote }: Props) {
  const [state, setState] = useState<Shown>({ score, myVote });
  const [shown, applyClick] = useOptimistic(state, predict);

  // With JavaScript: show the click at once, then send the same form data to the action.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const direction = submitter?.value === "down" ? "down" : "up";
    const data = new FormData(e.currentTarget);
    data.set("direction", direction);
    startTransition(async () => {
      applyClick(direction);
      const outcome = await voteAction(data);
      startTransition(() => setState((prev) => ("message" in outcome ? { score: prev.score, myVote: prev.myVote, message: outcome.message } : outcome)));
    });
  }

  const title = canVote ? undefined : "You cannot vote on your own post.";
  return (
    <form action={voteFormAction} onSubmit={onSubmit} className={styles.votes}>
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
        <p className={styles.message} role="alert">
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
