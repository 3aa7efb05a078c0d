"use client";
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { SubmitButton } from "./submit-button";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  children: ReactNode;
  submitLabel: string;
  className?: string;
  buttonClassName?: string;
};

/** A small form for a server action whose fields the caller lays out; reports the outcome. */
export function ActionForm({ action, children, submitLabel, className, buttonClassName }: Props) {
  const [state, formAction] = useActionState(action, {});
  const fieldErrors = Object.values(state.errors ?? {}).flat();
  return (
    <form action={formAction} className={className ?? "inline-form"}>
      {children}
      <SubmitButton className={buttonClassName}>{submitLabel}</SubmitButton>
      {state.message && (
        <p className={state.ok ? "inline-ok" : "inline-error"} role={state.ok ? "status" : "alert"}>
          {state.message} {fieldErrors.join(" ")}
        </p>
      )}
    </form>
  );
}
