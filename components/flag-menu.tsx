import { flagPostAction } from "@/lib/actions/moderation";
import { ActionForm } from "./action-form";

/** "Flag" under a post: a reason and an optional note for the moderators. */
export function FlagMenu({ postType, postId, questionId, slug }: { postType: "question" | "answer"; postId: number; questionId: number; slug: string }) {
  const id = `flag-${postType}-${postId}`;
  return (
    <details className="flag-menu">
      <summary>Flag</summary>
      <ActionForm action={flagPostAction} submitLabel="Send flag" buttonClassName="button-quiet">
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
    </details>
  );
}
