"use server";
import { getCurrentUser } from "../auth/current-user";
import { editAnswer, editQuestion } from "../commands/edit-post";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { goToThread } from "./go-to-thread";

export async function editQuestionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  let question: { id: number; slug: string };
  try {
    question = await editQuestion(await getCurrentUser(), fields.questionId, fields);
  } catch (e) {
    return toFormState(e);
  }
  goToThread({ questionId: question.id, slug: question.slug });
}

export async function editAnswerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  let answer: { id: number; questionId: number; slug: string };
  try {
    answer = await editAnswer(await getCurrentUser(), fields.answerId, fields);
  } catch (e) {
    return toFormState(e);
  }
  goToThread(answer, answer.id);
}
