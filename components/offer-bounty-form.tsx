"use client";
import { useActionState } from "react";
import { offerBountyAction } from "@/lib/actions/bounty";
import { bountyRules } from "@/lib/rules";
import { FieldError, FormMessage } from "./field-error";
import { SubmitButton } from "./submit-button";
import styles from "./bounty-panel.module.css";

/** The amount field and button of a bounty offer; a plain form post without JavaScript. */
export function OfferBountyForm({ questionId, maxAmount }: { questionId: number; maxAmount: number }) {
  const [state, action] = useActionState(offerBountyAction, {});
  const errorId = `bounty-amount-error-${questionId}`;
  const amountErrors = state.errors?.amount;
  return (
    <form action={action} className={styles.offer} noValidate>
      <input type="hidden" name="questionId" value={questionId} />
      <label htmlFor={`bounty-amount-${questionId}`}>Bounty (points)</label>
      <input
        id={`bounty-amount-${questionId}`}
        name="amount"
        type="number"
        inputMode="numeric"
        min={bountyRules.min}
        max={maxAmount}
        step={1}
        defaultValue={bountyRules.min}
        required
        aria-invalid={amountErrors?.length ? true : undefined}
        aria-describedby={amountErrors?.length ? errorId : undefined}
      />
      <SubmitButton pendingText="Offering…">Offer bounty</SubmitButton>
      <FieldError id={errorId} errors={amountErrors} />
      <FormMessage message={state.message} />
    </form>
  );
}
