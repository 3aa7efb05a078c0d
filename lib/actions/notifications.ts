"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "../auth/current-user";
import { markAllRead, markRead } from "../commands/notifications";
import { toFormState, type FormState } from "./form-state";

/** Back to the inbox page the member was on, freshly rendered (header count included). */
function backToInbox(form: FormData): never {
  const page = Number(form.get("page"));
  revalidatePath("/inbox");
  redirect(Number.isSafeInteger(page) && page > 1 && page <= 10_000 ? `/inbox?page=${page}` : "/inbox");
}

export async function markReadAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await markRead(await getCurrentUser(), { id: form.get("id") });
  } catch (e) {
    return toFormState(e);
  }
  backToInbox(form);
}

export async function markAllReadAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await markAllRead(await getCurrentUser());
  } catch (e) {
    return toFormState(e);
  }
  backToInbox(form);
}
