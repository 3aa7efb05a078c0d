import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import { clearBestAnswerAction, deleteAnswerAction, selectBestAnswerAction } from "@/lib/actions/thread-moderation";

type Viewer = { id: number; mayModerate: boolean } | null;

// Links repeated on every post are not prefetched: each prefetch is a request the server
// answers (uncached, even for signed-out readers), and a scrolled thread made dozens.

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
      {mayChange && <Link href={`/edit/answers/${answer.id}`} prefetch={false}>Edit</Link>}
      <Link href={`/history/answers/${answer.id}`} prefetch={false}>History</Link>
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
      {mayEdit && <Link href={`/edit/questions/${question.id}`} prefetch={false}>Edit</Link>}
      <Link href={`/history/questions/${question.id}`} prefetch={false}>History</Link>
    </div>
  );
}
