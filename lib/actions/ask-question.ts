"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "../auth/current-user";
import { createQuestion } from "../commands/create-question";
import { questionPath } from "../paths";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { askWithinAllowance } from "../trust";
import { guardWrite } from "./write-guard";

/** Asks; a refusal sends every field back to the form, as it was sent. */
export async function askQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  const user = await getCurrentUser();
  let question: { id: number; slug: string };
  try {
    await guardWrite(user, "question", fields.body ?? "");
  } catch (e) {
    return toFormState(e, fields);
  }
  try {
    question = await askWithinAllowance(user, () => createQuestion(user, fields));
  } catch (e) {
    return toFormState(e, fields);
  }
  // The thread is not Next's page: its router loads it as a document (server/thread-page.ts).
  redirect(questionPath(question));
}
