"use server";
import { redirect } from "next/navigation";
import { getCurrentUser } from "../auth/current-user";
import { createQuestion } from "../commands/create-question";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { guardWrite } from "./write-guard";

export async function askQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  let question: { id: number; slug: string };
  try {
    const user = await getCurrentUser();
    const fields = formFields(form);
    await guardWrite(user, "question", fields.body ?? "");
    question = await createQuestion(user, fields);
  } catch (e) {
    return toFormState(e);
  }
  redirect(`/questions/${question.id}/${question.slug}`);
}
