"use server";
import { getCurrentUser } from "../auth/current-user";
import { awardBounty, offerBounty } from "../commands/bounty";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { goToThread } from "./go-to-thread";
import { guardWrite } from "./write-guard";

export async function offerBountyAction(_prev: FormState, form: FormData): Promise<FormState> {
  let thread: { questionId: number; slug: string };
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other");
    thread = await offerBounty(user, formFields(form));
  } catch (e) {
    return toFormState(e);
  }
  goToThread(thread);
}

export async function awardBountyAction(_prev: FormState, form: FormData): Promise<FormState> {
  let thread: { questionId: number; slug: string; answerId: number };
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other");
    thread = await awardBounty(user, formFields(form));
  } catch (e) {
    return toFormState(e);
  }
  goToThread(thread, thread.answerId);
}
