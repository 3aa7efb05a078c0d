"use server";
import { redirect } from "next/navigation";
import { signOut } from "../auth/config";
import { getCurrentUser } from "../auth/current-user";
import { changePassword } from "../commands/accounts";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await changePassword(await getCurrentUser(), formFields(form));
  } catch (e) {
    return toFormState(e);
  }
  await signOut({ redirect: false });
  redirect("/login?changed=1");
}
