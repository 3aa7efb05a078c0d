"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { SubmitButton } from "@/components/submit-button";
import { signUpAction } from "@/lib/actions/sign-up";

export function SignupForm({ next }: { next: string }) {
  const [state, action] = useActionState(signUpAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage message={state.message} />
      <label htmlFor="username">Username</label>
      <input id="username" name="username" autoComplete="username" required minLength={3} maxLength={30} aria-describedby="username-hint username-error" />
      <p id="username-hint" className="hint">3–30 letters, digits, dots, dashes or underscores. Shown on your posts.</p>
      <FieldError id="username-error" errors={state.errors?.username} />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="email" required aria-describedby="email-error" />
      <FieldError id="email-error" errors={state.errors?.email} />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} aria-describedby="password-hint password-error" />
      <p id="password-hint" className="hint">At least 8 characters. A long phrase is easier to remember and harder to guess.</p>
      <FieldError id="password-error" errors={state.errors?.password} />
      <SubmitButton pendingText="Creating your account…">Sign up</SubmitButton>
    </form>
  );
}
