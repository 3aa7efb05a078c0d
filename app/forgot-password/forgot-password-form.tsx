"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { SubmitButton } from "@/components/submit-button";
import { forgotPasswordAction } from "@/lib/actions/password-reset";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, {});
  if (state.ok) return <p className="notice" role="status">{state.message}</p>;
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessage message={state.message} />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} aria-describedby="email-error" />
      <FieldError id="email-error" errors={state.errors?.email} />
      <SubmitButton pendingText="Sending…">Send me a link</SubmitButton>
    </form>
  );
}
