import { flagPostAction } from "@/lib/actions/moderation";
import { ActionForm } from "./action-form";

type Props = { postType: "question" | "answer" | "comment"; postId: number; questionId: number; slug: string };

/**
 * "Flag" under a post or a comment: a disclosure with a reason and an optional note for the
 * moderators. One small client form per menu (no other state), so that the outcome shows even
 * without JavaScript.
 */
export function FlagMenu({ postType, postId, questionId, slug }: Props) {
  const id = `flag-${postType}-${postId}`;
  const summary = <>Flag{postType === "comment" && <span className="visually-hidden"> this comment</span>}</>;
  return (
    <ActionForm action={flagPostAction} submitLabel="Send flag" buttonClassName="button-quiet" disclosure={{ summary, className: "flag-menu" }}>
      <input type="hidden" name="postType" value={postType} />
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor={`${id}-reason`}>Reason</label>
      <select id={`${id}-reason`} name="reason" defaultValue="">
        <option value="" disabled>Choose…</option>
        <option value="SPAM">Spam</option>
        <option value="OFFENSIVE">Rude or offensive</option>
        <option value="NEEDS_ATTENTION">Needs a moderator’s attention</option>
      </select>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <input id={`${id}-note`} name="note" maxLength={500} />
    </ActionForm>
  );
}
