"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { SubmitButton } from "@/components/submit-button";
import { changePasswordAction } from "@/lib/actions/change-password";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessage message={state.message} />
      <label htmlFor="current">Current password</label>
      <input id="current" name="current" type="password" autoComplete="current-password" required aria-describedby="current-error" />
      <FieldError id="current-error" errors={state.errors?.current} />
      <label htmlFor="password">New password</label>
      <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="password-error" />
      <FieldError id="password-error" errors={state.errors?.password} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
      <p className="hint">Changing your password logs you out everywhere, this browser included.</p>
    </form>
  );
}
