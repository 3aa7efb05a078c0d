"use server";
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/current-user";
import { createApiToken, revokeApiToken } from "../commands/api-tokens";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { runCommand } from "./run-command";
import { guardWrite } from "./write-guard";

export type NewTokenState = FormState & { secret?: string; name?: string };

/** Makes a token and hands its secret back to the form, the one time it is ever shown. */
export async function createApiTokenAction(_prev: NewTokenState, form: FormData): Promise<NewTokenState> {
  const fields = formFields(form);
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other");
    const token = await createApiToken(user, fields);
    revalidatePath("/settings");
    return { ok: true, message: `Token "${token.name}" made. Copy it now: it will not be shown again.`, secret: token.secret, name: token.name };
  } catch (e) {
    return toFormState(e, fields);
  }
}

export async function revokeApiTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runCommand(form, (actor, fields) => revokeApiToken(actor, fields.tokenId), "Revoked.", "/settings");
}
