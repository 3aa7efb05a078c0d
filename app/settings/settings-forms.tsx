"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import type { FormState } from "@/lib/actions/form-state";
import { SubmitButton } from "@/components/submit-button";
import {
  changeDisplayNameAction,
  changeEmailAction,
  changeMailChoicesAction,
  resendConfirmationAction,
} from "@/lib/actions/account-settings";

/** "Saved" as a notice, a refusal as the form's message. */
function Outcome({ state }: { state: FormState }) {
  return state.ok ? (
    <p className="notice" role="status">
      {state.message}
    </p>
  ) : (
    <FormMessage message={state.message} />
  );
}

export function DisplayNameForm({ username, displayName }: { username: string; displayName: string }) {
  const [state, action] = useActionState(changeDisplayNameAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <Outcome state={state} />
      <label htmlFor="displayName">Display name</label>
      <input id="displayName" name="displayName" maxLength={50} defaultValue={state.values?.displayName ?? displayName} aria-describedby="displayName-hint displayName-error" />
      <p id="displayName-hint" className="hint">
        Shown beside your username, <strong>{username}</strong>, which stays how others mention and find you. Leave it empty for none.
      </p>
      <FieldError id="displayName-error" errors={state.errors?.displayName} />
      <SubmitButton>Save the name</SubmitButton>
    </form>
  );
}

function ResendConfirmation() {
  const [state, action] = useActionState(resendConfirmationAction, {});
  return (
    <form action={action} className="inline-form">
      <Outcome state={state} />
      <SubmitButton className="button-quiet" pendingText="Sending…">Send the confirmation link again</SubmitButton>
    </form>
  );
}

export function EmailForm({ email, confirmed, needsPassword }: { email: string | null; confirmed: boolean; needsPassword: boolean }) {
  const [state, action] = useActionState(changeEmailAction, {});
  return (
    <>
      <p data-testid="email-status">
        {email ? (
          <>
            {email}: <strong className={confirmed ? "status-good" : "status-warn"}>{confirmed ? "confirmed" : "not confirmed"}</strong>
          </>
        ) : (
          "No address yet."
        )}
      </p>
      {email && !confirmed && <ResendConfirmation />}
      <form action={action} className="stack-form" noValidate>
        <Outcome state={state} />
        <label htmlFor="new-email">New email address</label>
        <input id="new-email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} aria-describedby="email-hint email-error" />
        <p id="email-hint" className="hint">We send a link to the new address; until you follow it, it is not confirmed.</p>
        <FieldError id="email-error" errors={state.errors?.email} />
        {needsPassword && (
          <>
            <label htmlFor="email-current">Current password</label>
            <input id="email-current" name="current" type="password" autoComplete="current-password" required aria-describedby="email-current-error" />
            <FieldError id="email-current-error" errors={state.errors?.current} />
          </>
        )}
        <SubmitButton>Change the address</SubmitButton>
      </form>
    </>
  );
}

type MailChoices = { mailOnReply: boolean; mailOnMention: boolean; mailDigest: boolean };

export function MailChoicesForm({ choices, confirmed }: { choices: MailChoices; confirmed: boolean }) {
  const [state, action] = useActionState(changeMailChoicesAction, {});
  return (
    <form action={action} className="stack-form">
      <Outcome state={state} />
      <fieldset>
        <legend>Mail me when</legend>
        <label className="check">
          <input type="checkbox" name="mailOnReply" defaultChecked={choices.mailOnReply} /> someone answers my question or comments on my post
        </label>
        <label className="check">
          <input type="checkbox" name="mailOnMention" defaultChecked={choices.mailOnMention} /> someone mentions me (@username)
        </label>
        <label className="check">
          <input type="checkbox" name="mailDigest" defaultChecked={choices.mailDigest} /> once a day, with the new questions in the tags I follow
        </label>
      </fieldset>
      {!confirmed && <p className="hint">Mail goes only to a confirmed address.</p>}
      <SubmitButton>Save mail choices</SubmitButton>
    </form>
  );
}
