/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import { threadActionPath, type ThreadAction } from "@/lib/thread-actions";
import { HiddenFields } from "../form-bits";

type Props = {
  action: ThreadAction;
  /** The thread's address, to come back to without JavaScript. */
  back: string;
  fields: Record<string, string | number>;
  /** Asked before a destructive post is sent (the page's script asks). */
  confirm?: string;
  class?: string;
  noValidate?: boolean;
  children: Child;
};

/** A form of the thread posting to its action's route (lib/thread-actions.ts). */
export function ActionForm({ action, back, fields, confirm, class: className, noValidate, children }: Props) {
  return (
    <form action={threadActionPath(action)} method="post" class={className} data-thread-form={action} data-confirm={confirm} noValidate={noValidate}>
      <HiddenFields fields={{ back, ...fields }} />
      {children}
    </form>
  );
}

type ButtonProps = Omit<Props, "children"> & { label: string; pending: string; buttonClass?: string };

/** One button that runs a thread action: Pick, Delete, Award, Lock… */
export function ActionButton({ label, pending, buttonClass, ...form }: ButtonProps) {
  return (
    <ActionForm {...form}>
      <button type="submit" class={buttonClass} data-pending={pending}>
        {label}
      </button>
    </ActionForm>
  );
}
