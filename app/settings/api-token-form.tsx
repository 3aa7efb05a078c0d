"use client";
import { useActionState } from "react";
import { FieldError, FormMessage } from "@/components/field-error";
import { SubmitButton } from "@/components/submit-button";
import { createApiTokenAction, type NewTokenState } from "@/lib/actions/api-tokens";
import { TOKEN_NAME_MAX } from "@/lib/validation/api-token";
import styles from "./api-tokens.module.css";

/** Makes a token; its secret is shown here once, and never again. */
export function ApiTokenForm() {
  const [state, action] = useActionState<NewTokenState, FormData>(createApiTokenAction, {});
  return (
    <form action={action} className="stack-form" noValidate>
      <FormMessage message={state.ok ? undefined : state.message} />
      {state.secret && (
        <>
          <p className="notice" role="status">
            {state.message}
          </p>
          <label htmlFor="new-token">Your new token</label>
          <textarea id="new-token" className={styles.secret} readOnly rows={2} value={state.secret} aria-describedby="new-token-hint" onFocus={(e) => e.currentTarget.select()} />
          <p id="new-token-hint" className="hint">
            Copy it now and keep it like a password. Only a fingerprint of it is stored: nobody can show it again.
          </p>
        </>
      )}
      <label htmlFor="token-name">Token name</label>
      <input id="token-name" name="name" maxLength={TOKEN_NAME_MAX} required placeholder="e.g. my study bot" defaultValue={state.ok ? "" : state.values?.name} key={state.secret ?? "form"} aria-describedby="token-name-error" />
      <FieldError id="token-name-error" errors={state.errors?.name} />
      <label htmlFor="token-expiry">Expires</label>
      <select id="token-expiry" name="expiresInDays" defaultValue={state.values?.expiresInDays ?? "90"} aria-describedby="token-expiry-error">
        <option value="7">in 7 days</option>
        <option value="30">in 30 days</option>
        <option value="90">in 90 days</option>
        <option value="365">in a year</option>
        <option value="never">never</option>
      </select>
      <FieldError id="token-expiry-error" errors={state.errors?.expiresInDays} />
      <SubmitButton pendingText="Making…">Make a token</SubmitButton>
    </form>
  );
}
