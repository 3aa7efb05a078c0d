"use client";
import Link from "next/link";
import { useActionState } from "react";
import { FormMessage } from "@/components/field-error";
import { SubmitButton } from "@/components/submit-button";
import { confirmEmailAction } from "@/lib/actions/account-settings";

export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(confirmEmailAction, {});
  if (state.ok) {
    return (
      <p className="notice" role="status">
        {state.message} <Link href="/">Go to the questions</Link>
      </p>
    );
  }
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state.message} />
      <SubmitButton pendingText="Confirming…">Confirm my address</SubmitButton>
    </form>
  );
}
