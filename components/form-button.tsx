"use client";
import { useState, useTransition } from "react";
import type { FormState } from "@/lib/actions/form-state";

type Props = {
  /** Takes only the form, so that it is the form's own action when JavaScript is off. */
  action: (form: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: string;
  pendingText?: string;
  className?: string;
  confirm?: string;
};

/**
 * One button that runs a server action, for controls repeated on every post of a thread. It
 * does what ActionButton does without useActionState, whose no-JavaScript state the server
 * would otherwise encode into every copy: without JavaScript the form posts to the action and
 * the page re-renders; with it the button shows its pending label and the returned message.
 */
export function FormButton({ action, fields, label, pendingText, className, confirm }: Props) {
  const [state, setState] = useState<FormState>({});
  const [pending, startTransition] = useTransition();
  const formAction: (form: FormData) => void = action;
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(e.currentTarget);
        // A redirect (the usual success) is thrown to Next's boundary, as from a form action.
        startTransition(async () => {
          const next = await action(data);
          startTransition(() => setState(next));
        });
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={pending} aria-disabled={pending} className={className}>
        {pending ? (pendingText ?? "Saving…") : label}
      </button>
      {state.message && (
        <span className={state.ok ? "inline-ok" : "inline-error"} role={state.ok ? "status" : "alert"}>
          {" "}
          {state.message}
        </span>
      )}
    </form>
  );
}
