"use server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requestPasswordReset, resetPassword } from "../commands/password-reset";
import { clientIp } from "../request";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

export async function forgotPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  try {
    const { message, queued } = await requestPasswordReset(fields, { ip: await clientIp() });
    after(queued);
    return { ok: true, message };
  } catch (e) {
    return toFormState(e, { email: fields.email });
  }
}

export async function resetPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await resetPassword(formFields(form));
  } catch (e) {
    return toFormState(e);
  }
  redirect("/login?reset=1");
}
