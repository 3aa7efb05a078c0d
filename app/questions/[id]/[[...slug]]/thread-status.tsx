import Link from "next/link";
import { closeReasons } from "@/lib/commands/moderate-thread";
import type { Thread } from "@/lib/data/thread";

/** Why a thread takes no new answers, or why moderators see it though others do not. */
export function ThreadStatus({ question }: { question: Thread["question"] }) {
  const reason = question.closeReason as keyof typeof closeReasons | null;
  return (
    <>
      {question.hiddenAt && <p className="status-banner">Hidden after spam flags, pending a moderator&apos;s review.</p>}
      {question.closedAt && (
        <p className="status-banner" role="note">
          <strong>Closed:</strong> {reason ? closeReasons[reason] : "closed by a moderator"}
          {question.duplicateOf && (
            <>
              {" "}
              — see <Link href={`/questions/${question.duplicateOf.id}/${question.duplicateOf.slug}`}>{question.duplicateOf.title}</Link>
            </>
          )}
          . It takes no new answers.
        </p>
      )}
      {question.lockedAt && (
        <p className="status-banner" role="note">
          <strong>Locked:</strong> this thread takes no new answers or comments.
        </p>
      )}
    </>
  );
}
