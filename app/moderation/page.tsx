import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { RelativeTime } from "@/components/relative-time";
import { deleteAnswerFromQueueAction, handleFlagAction, undeleteAnswerAction } from "@/lib/actions/moderation";
import { requireStaffPage } from "@/lib/auth/require-role";
import { listOpenFlags } from "@/lib/data/moderation";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flag queue" };

const reasons = { SPAM: "Spam", OFFENSIVE: "Offensive", NEEDS_ATTENTION: "Needs attention" } as const;

export default async function ModerationPage() {
  await requireStaffPage("/moderation", "MODERATOR");
  const flags = await listOpenFlags();
  return (
    <div className="form-page">
      <h1>Flag queue</h1>
      <p className="muted">
        “Acted” settles every open flag on the post after you have dealt with it (edit, delete, lock, suspend); “Dismiss” finds nothing wrong and shows a hidden post again. Flaggers are told either way.
      </p>
      {flags.length === 0 ? (
        <p className="empty">No open flags.</p>
      ) : (
        <ol className="question-list">
          {flags.map((f) => {
            const thread = f.question ?? f.answer!.question;
            const hidden = f.question?.hiddenAt ?? f.answer?.hiddenAt;
            return (
              <li key={f.id} className="question-summary" aria-label={`Flag ${f.id}`}>
                <div className="summary-main">
                  <h3>
                    {reasons[f.reason]}: {f.answer ? "answer" : "question"} by {(f.question ?? f.answer)!.author.username}
                    {hidden && <span className="role-badge">hidden</span>}
                  </h3>
                  <p className="excerpt">
                    <Link href={`/questions/${thread.id}/${thread.slug}${f.answer ? `#answer-${f.answer.id}` : ""}`}>{thread.title}</Link>
                    {f.answer && <> — “{f.answer.bodyMd.slice(0, 160)}”</>}
                  </p>
                  <p className="muted">
                    Flagged by {f.reporter.username} <RelativeTime date={f.createdAt} />
                    {f.note && <> — “{f.note}”</>}
                  </p>
                  <div className="post-actions">
                    <ActionButton action={handleFlagAction} fields={{ flagId: f.id, outcome: "ACTED" }} label="Acted" />
                    <ActionButton action={handleFlagAction} fields={{ flagId: f.id, outcome: "DISMISSED" }} label="Dismiss" className="button-quiet" />
                    {f.answer && <ActionButton action={deleteAnswerFromQueueAction} fields={{ answerId: f.answer.id }} label="Delete answer" className="button-quiet" />}
                    {f.answer && <ActionButton action={undeleteAnswerAction} fields={{ answerId: f.answer.id, questionId: thread.id, slug: thread.slug }} label="Undelete answer" className="button-quiet" />}
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
