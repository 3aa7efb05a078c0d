"use server";
import { getCurrentUser } from "../auth/current-user";
import { deleteAnswer } from "../commands/delete-answer";
import { clearBestAnswer, selectBestAnswer } from "../commands/select-best-answer";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { guardWrite } from "./write-guard";
import { goToThread } from "./go-to-thread";

type ThreadRef = { questionId: number; slug: string };

async function runOnThread(form: FormData, command: (fields: Record<string, string>) => Promise<ThreadRef>, answerId?: number): Promise<FormState> {
  let thread: ThreadRef;
  try {
    await guardWrite(await getCurrentUser(), "other");
    thread = await command(formFields(form));
  } catch (e) {
    return toFormState(e);
  }
  goToThread(thread, answerId);
}

export async function selectBestAnswerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return runOnThread(form, (f) => selectBestAnswer(user, f.answerId), Number(form.get("answerId")) || undefined);
}

export async function clearBestAnswerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return runOnThread(form, (f) => clearBestAnswer(user, f.questionId));
}

export async function deleteAnswerAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return runOnThread(form, (f) => deleteAnswer(user, f.answerId));
}
