"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/current-user";
import { changeDisplayName, changeEmail, changeMailChoices, confirmEmail, resendEmailConfirmation } from "../commands/account-settings";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

/** Runs a settings change for the member signed in, answering with `done` or the refusal (the fields kept). */
async function settle(form: FormData, change: (fields: Record<string, string>) => Promise<unknown>, done: string, keep: string[] = []): Promise<FormState> {
  const fields = formFields(form);
  try {
    await change(fields);
  } catch (e) {
    return toFormState(e, Object.fromEntries(keep.map((k) => [k, fields[k]])));
  }
  revalidatePath("/settings");
  return { ok: true, message: done };
}

export async function changeEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return settle(form, (f) => changeEmail(user, f), "Saved. We have sent a link to the new address: follow it to confirm it.", ["email"]);
}

export async function resendConfirmationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return settle(form, () => resendEmailConfirmation(user), "We have sent a new confirmation link.");
}

export async function changeDisplayNameAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return settle(form, (f) => changeDisplayName(user, f), "Your display name is saved.", ["displayName"]);
}

export async function changeMailChoicesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return settle(form, (f) => changeMailChoices(user, f), "Your mail choices are saved.");
}

export async function confirmEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  try {
    const { email } = await confirmEmail(fields.token);
    return { ok: true, message: `Thank you: ${email} is confirmed.` };
  } catch (e) {
    return toFormState(e);
  }
}
