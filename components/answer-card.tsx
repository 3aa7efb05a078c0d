import type { ReactNode } from "react";
import type { Thread } from "@/lib/data/thread";
import { PostBody } from "./post-body";
import { RelativeTime } from "./relative-time";

type Answer = Thread["answers"][number];

type Props = { answer: Answer; isBest: boolean; votes?: ReactNode; actions?: ReactNode; comments?: ReactNode };

/** One answer of a thread. Its author link is a plain link (post-controls.tsx says why). */
export function AnswerCard({ answer, isBest, votes, actions, comments }: Props) {
  return (
    <article className={isBest ? "answer best" : "answer"} id={`answer-${answer.id}`} aria-label={isBest ? "Best answer" : `Answer by ${answer.author.username}`}>
      {isBest && (
        <p className="best-badge">
          <span aria-hidden="true">✅</span> Best Answer
        </p>
      )}
      <header className="post-meta">
        <span className="avatar" aria-hidden="true">
          {answer.author.username.slice(0, 1).toUpperCase()}
        </span>
        <a href={`/users/${answer.author.username}`} className="author">
          {answer.author.username}
        </a>
        <RelativeTime date={answer.createdAt} />
      </header>
      {answer.hiddenAt && <p className="inline-error">Hidden after spam flags, pending a moderator&apos;s review.</p>}
      <div className="post-row">
        {votes}
        <div className="post-main">
          <PostBody html={answer.bodyHtml} />
          {actions}
          {comments}
        </div>
      </div>
    </article>
  );
}
