import { ActionButton } from "@/components/action-button";
import { ActionForm } from "@/components/action-form";
import {
  closeQuestionAction,
  deleteQuestionAction,
  lockThreadAction,
  reopenQuestionAction,
} from "@/lib/actions/moderation";
import { closeReasons } from "@/lib/commands/moderate-thread";

type Question = { id: number; slug: string; lockedAt: Date | null; closedAt: Date | null };

/** Moderators' tools for a thread (each action checks the role again on the server). */
export function ModeratorPanel({ question }: { question: Question }) {
  const ref = { questionId: question.id, slug: question.slug };
  return (
    <section className="mod-panel" aria-labelledby="mod-panel-heading">
      <h2 id="mod-panel-heading">Moderation</h2>
      <div className="post-actions">
        <ActionButton action={lockThreadAction} fields={{ ...ref, locked: question.lockedAt ? "false" : "true" }} label={question.lockedAt ? "Unlock thread" : "Lock thread"} />
        {question.closedAt ? (
          <ActionButton action={reopenQuestionAction} fields={ref} label="Reopen question" />
        ) : (
          <ActionForm action={closeQuestionAction} submitLabel="Close question">
            <input type="hidden" name="questionId" value={question.id} />
            <input type="hidden" name="slug" value={question.slug} />
            <label htmlFor="close-reason" className="visually-hidden">Reason for closing</label>
            <select id="close-reason" name="reason" defaultValue="">
              <option value="" disabled>Reason…</option>
              {Object.entries(closeReasons).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
            <label htmlFor="duplicate-of" className="visually-hidden">Number of the original question (for duplicates)</label>
            <input id="duplicate-of" name="duplicateOfId" inputMode="numeric" placeholder="Original question # (duplicates)" size={26} />
          </ActionForm>
        )}
        <ActionButton action={deleteQuestionAction} fields={ref} label="Delete question" className="button-quiet" confirm="Delete this question?" />
      </div>
    </section>
  );
}
