import { ActionButton } from "@/components/action-button";
import { clearBestAnswerAction, deleteAnswerAction, selectBestAnswerAction } from "@/lib/actions/thread-moderation";

type Viewer = { id: number; mayModerate: boolean } | null;

// Links repeated on every post are plain <a>: a next/link is a client component per link
// (rendered twice, on the server and again at hydration) and prefetches what it shows, each
// prefetch an uncached request. These lead away from the thread, where a full page load costs
// the server no more than a client-side navigation's request would.

/** Edit, history, delete and best-answer controls under an answer (the server re-checks each). */
export function AnswerControls({ viewer, answer, question }: {
  viewer: Viewer;
  answer: { id: number; authorId: number };
  question: { id: number; authorId: number; bestAnswerId: number | null };
}) {
  const isBest = question.bestAnswerId === answer.id;
  const mayPick = !!viewer && (viewer.id === question.authorId || viewer.mayModerate);
  const mayChange = !!viewer && (viewer.id === answer.authorId || viewer.mayModerate);
  return (
    <div className="post-actions">
      {mayPick && !isBest && (
        <ActionButton action={selectBestAnswerAction} fields={{ answerId: answer.id }} label="✓ Pick as best answer" pendingText="Picking…" />
      )}
      {mayPick && isBest && (
        <ActionButton action={clearBestAnswerAction} fields={{ questionId: question.id }} label="Remove best answer mark" className="button-quiet" pendingText="Removing…" />
      )}
      {mayChange && <a href={`/edit/answers/${answer.id}`}>Edit</a>}
      <a href={`/history/answers/${answer.id}`}>History</a>
      {mayChange && (
        <ActionButton action={deleteAnswerAction} fields={{ answerId: answer.id }} label="Delete" className="button-quiet" confirm="Delete this answer?" pendingText="Deleting…" />
      )}
    </div>
  );
}

export function QuestionControls({ viewer, question }: { viewer: Viewer; question: { id: number; authorId: number } }) {
  const mayEdit = !!viewer && (viewer.id === question.authorId || viewer.mayModerate);
  return (
    <div className="post-actions">
      {mayEdit && <a href={`/edit/questions/${question.id}`}>Edit</a>}
      <a href={`/history/questions/${question.id}`}>History</a>
    </div>
  );
}
