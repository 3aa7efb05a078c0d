"use server";
import { getCurrentUser } from "../auth/current-user";
import { editAnswer, editQuestion } from "../commands/edit-post";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { guardWrite } from "./write-guard";
import { redirect } from "next/navigation";
import { answerPath, questionPath } from "../paths";

export async function editQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  let question: { id: number; slug: string };
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other", fields.body ?? "");
    question = await editQuestion(user, fields.questionId, fields);
  } catch (e) {
    return toFormState(e, fields);
  }
  // The thread is not Next's page: its router loads it as a document (server/thread-page.ts).
  redirect(questionPath(question));
}

export async function editAnswerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  let answer: { id: number; questionId: number; slug: string };
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other", fields.body ?? "");
    answer = await editAnswer(user, fields.answerId, fields);
  } catch (e) {
    return toFormState(e, fields);
  }
  redirect(answerPath({ id: answer.questionId, slug: answer.slug }, answer.id));
}
