import Link from "next/link";
import type { ReactNode } from "react";
import type { Thread } from "@/lib/data/questions";
import { PostBody } from "./post-body";
import { RelativeTime } from "./relative-time";

type Answer = Thread["answers"][number];

export function AnswerCard({ answer, isBest, actions }: { answer: Answer; isBest: boolean; actions?: ReactNode }) {
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
        <Link href={`/users/${answer.author.username}`} className="author">
          {answer.author.username}
        </Link>
        <RelativeTime date={answer.createdAt} />
      </header>
      <PostBody html={answer.bodyHtml} />
      {actions}
    </article>
  );
}
