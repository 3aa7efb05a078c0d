"use server";
import { getCurrentUser } from "../auth/current-user";
import { createAnswer } from "../commands/create-answer";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { guardWrite } from "./write-guard";
import { goToThread } from "./go-to-thread";

export async function postAnswerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  let answer: { id: number; questionId: number; slug: string };
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "answer", fields.body ?? "");
    answer = await createAnswer(user, fields.questionId, fields);
  } catch (e) {
    return toFormState(e, { body: fields.body });
  }
  goToThread(answer, answer.id);
}
