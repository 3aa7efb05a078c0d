"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "../auth/current-user";
import { createQuestion } from "../commands/create-question";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

export async function askQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  let question: { id: number; slug: string };
  try {
    question = await createQuestion(await getCurrentUser(), formFields(form));
  } catch (e) {
    return toFormState(e);
  }
  redirect(`/questions/${question.id}/${question.slug}`);
}
