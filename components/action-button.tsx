"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { SubmitButton } from "./submit-button";

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  pendingText?: string;
  className?: string;
  confirm?: string;
};

/** One button that runs a server action; works as a plain form post without JavaScript. */
export function ActionButton({ action, fields, label, pendingText, className, confirm }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form
      action={formAction}
      data-confirm={confirm}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton className={className} pendingText={pendingText}>
        {label}
      </SubmitButton>
      {state.message && (
        <span className={state.ok ? "inline-ok" : "inline-error"} role={state.ok ? "status" : "alert"}>
          {" "}
          {state.message}
        </span>
      )}
    </form>
  );
}
