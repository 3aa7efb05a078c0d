import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { RelativeTime } from "@/components/relative-time";
import { deleteAnswerFromQueueAction, deleteCommentFromQueueAction, handleFlagAction, undeleteAnswerAction } from "@/lib/actions/moderation";
import { requireStaffPage } from "@/lib/auth/require-role";
import { listOpenFlags, type FlaggedItem } from "@/lib/data/moderation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flag queue" };

const reasons = { SPAM: "Spam", OFFENSIVE: "Offensive", NEEDS_ATTENTION: "Needs attention" } as const;

/** "Spam ×3, Offensive": how many flags of each reason. */
function describeCounts(counts: FlaggedItem["counts"]): string {
  return Object.entries(counts)
    .map(([reason, n]) => `${reasons[reason as keyof typeof reasons]}${n > 1 ? ` ×${n}` : ""}`)
    .join(", ");
}

/** What was flagged, where it sits, and the link to it on its thread. */
function describeTarget({ question, answer, comment }: FlaggedItem) {
  if (question) return { kind: "question", author: question.author.username, hidden: question.hiddenAt, thread: question, href: "" };
  if (answer) return { kind: "answer", author: answer.author.username, hidden: answer.hiddenAt, thread: answer.question, href: `#answer-${answer.id}` };
  const c = comment!;
  const thread = (c.question ?? c.answer?.question)!;
  return { kind: c.answer ? "comment on an answer" : "comment", author: c.author.username, hidden: c.hiddenAt, thread, href: `#comment-${c.id}` };
}

export default async function ModerationPage() {
  await requireStaffPage("/moderation", "MODERATOR");
  const items = await listOpenFlags();
  return (
    <div className="form-page">
      <h1>Flag queue</h1>
      <p className="muted">
        “Acted” settles every open flag on the post or comment after you have dealt with it (edit, delete, lock, suspend); “Dismiss” finds nothing wrong and shows a hidden post or comment again. Flaggers are told either way.
      </p>
      {items.length === 0 ? (
        <p className="empty">No open flags.</p>
      ) : (
        <ol className="question-list">
          {items.map((item) => {
            const { kind, author, hidden, thread, href } = describeTarget(item);
            const { answer, comment } = item;
            return (
              <li key={item.flagId} className="question-summary" aria-label={`Flags on a ${kind} by ${author}`}>
                <div className="summary-main">
                  <h3>
                    {describeCounts(item.counts)}: {kind} by {author}
                    {hidden && <span className="role-badge">hidden</span>}
                  </h3>
                  <p className="excerpt">
                    <Link href={`/questions/${thread.id}/${thread.slug}${href}`}>{thread.title}</Link>
                    {answer && <> — “{answer.bodyMd.slice(0, 160)}”</>}
                  </p>
                  {/* Sanitized by lib/markdown when the comment was written, as on the thread page. */}
                  {comment && <blockquote className="flagged-comment" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />}
                  {item.flags.map((f) => (
                    <p key={f.id} className="muted flag-report">
                      {reasons[f.reason]} · flagged by {f.reporter.username} <RelativeTime date={f.createdAt} />
                      {f.note && <> — “{f.note}”</>}
                    </p>
                  ))}
                  <div className="post-actions">
                    <ActionButton action={handleFlagAction} fields={{ flagId: item.flagId, outcome: "ACTED" }} label="Acted" />
                    <ActionButton action={handleFlagAction} fields={{ flagId: item.flagId, outcome: "DISMISSED" }} label="Dismiss" className="button-quiet" />
                    {answer && <ActionButton action={deleteAnswerFromQueueAction} fields={{ answerId: answer.id }} label="Delete answer" className="button-quiet" />}
                    {answer && <ActionButton action={undeleteAnswerAction} fields={{ answerId: answer.id, questionId: thread.id, slug: thread.slug }} label="Undelete answer" className="button-quiet" />}
                    {comment && <ActionButton action={deleteCommentFromQueueAction} fields={{ commentId: comment.id }} label="Delete comment" className="button-quiet" confirm="Delete this comment?" />}
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
