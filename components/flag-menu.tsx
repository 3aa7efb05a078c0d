"use client";
import { flagPostAction } from "@/lib/actions/moderation";
import { openFormHref, type FormTarget } from "@/lib/open-forms";
import { ActionForm } from "./action-form";
import { LinkDisclosure } from "./link-disclosure";

type Props = { postType: FormTarget; postId: number; questionId: number; slug: string; open?: boolean };

/**
 * "Flag" under a post or a comment: opens a reason and an optional note for the moderators.
 * A client component with the form inside it, so the page sends four numbers per menu rather
 * than a rendered form.
 */
export function FlagMenu({ postType, postId, questionId, slug, open = false }: Props) {
  const id = `flag-${postType}-${postId}`;
  const label = <>Flag{postType === "comment" && <span className="visually-hidden"> this comment</span>}</>;
  return (
    <LinkDisclosure label={label} href={openFormHref("flag", { questionId, slug }, postType, postId)} open={open} className="flag-menu" linkClassName="disclosure-link">
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
    </LinkDisclosure>
  );
}
