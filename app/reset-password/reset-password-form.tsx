"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { SubmitButton } from "@/components/submit-button";
import { resetPasswordAction } from "@/lib/actions/password-reset";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message} />
      <label htmlFor="password">New password</label>
      <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="password-hint password-error" />
      <p id="password-hint" className="hint">At least 8 characters. Setting it logs your account out everywhere.</p>
      <FieldError id="password-error" errors={state.errors?.password} />
      <SubmitButton pendingText="Saving…">Set the new password</SubmitButton>
    </form>
  );
}
