"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { SubmitButton } from "@/components/submit-button";
import { logInAction } from "@/lib/actions/log-in";

export function LoginForm({ next }: { next: string }) {
  const [state, action] = useActionState(logInAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage message={state.message} />
      <label htmlFor="identifier">Username or email</label>
      <input id="identifier" name="identifier" autoComplete="username" required aria-describedby="identifier-error" />
      <FieldError id="identifier-error" errors={state.errors?.identifier} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby="password-error" />
      <FieldError id="password-error" errors={state.errors?.password} />
      <SubmitButton pendingText="Logging in…">Log in</SubmitButton>
    </form>
  );
}
