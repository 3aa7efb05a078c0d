/** @jsxImportSource hono/jsx */
import { openFormHref, type FormTarget } from "@/lib/open-forms";
import { FieldError, FormMessage } from "../form-bits";
import { ActionForm } from "./action-form";
import { LinkDisclosure } from "./disclosure";
import { NO_ECHO, type Echo, type Question } from "./model";

type Props = { target: FormTarget; targetId: number; question: Question; back: string; open: boolean; echo?: Echo; notice?: string };

/** The reason and optional note of a flag, for the moderators; the form alone (a refusal page shows it too). */
export function FlagForm({ target, targetId, back, echo = NO_ECHO, notice }: Omit<Props, "question" | "open">) {
  const id = `flag-${target}-${targetId}`;
  const reason = echo.values.reason ?? "";
  const option = (value: string, label: string) => (
    <option value={value} selected={reason === value}>
      {label}
    </option>
  );
  return (
    <ActionForm action="flag" back={back} fields={{ postType: target, postId: targetId }} class="inline-form">
      <label for={`${id}-reason`}>Reason</label>
      <select id={`${id}-reason`} name="reason" aria-describedby={echo.errors.reason ? `${id}-reason-error` : undefined}>
        <option value="" disabled selected={reason === ""}>
          Choose…
        </option>
        {option("SPAM", "Spam")}
        {option("OFFENSIVE", "Rude or offensive")}
        {option("NEEDS_ATTENTION", "Needs a moderator’s attention")}
      </select>
      <label for={`${id}-note`}>Note (optional)</label>
      <input id={`${id}-note`} name="note" maxLength={500} value={echo.values.note} />
      <button type="submit" class="button-quiet" data-pending="Sending…">
        Send flag
      </button>
      <FieldError id={`${id}-reason-error`} errors={echo.errors.reason} />
      <FormMessage message={notice ?? echo.message} ok={notice !== undefined} />
    </ActionForm>
  );
}

/** "Flag" under a post or a comment, opening the form in place. */
export function FlagDisclosure({ target, targetId, question, back, open, echo, notice }: Props) {
  const label =
    target === "comment" ? (
      <>
        Flag<span class="visually-hidden"> this comment</span>
      </>
    ) : (
      "Flag"
    );
  return (
    <LinkDisclosure label={label} href={openFormHref("flag", question, target, targetId)} open={open} focus={`#flag-${target}-${targetId}-reason`} class="flag-menu" linkClass="disclosure-link">
      <FlagForm target={target} targetId={targetId} back={back} echo={echo} notice={notice} />
    </LinkDisclosure>
  );
}
