"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "../auth/current-user";
import { addComment, deleteComment, editComment } from "../commands/comment";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { guardWrite } from "./write-guard";

type Done = { id: number; questionId: number; slug: string };

/**
 * Runs a comment command, then goes back to the thread (at the comment when it still exists),
 * as goToThread does: revalidating the path makes the response carry the fresh page, and the
 * redirect only adds a #hash to the URL the writer is on.
 */
async function runAndReturn(command: () => Promise<Done>, toComment: boolean, body?: string): Promise<FormState> {
  let done: Done;
  try {
    done = await command();
  } catch (e) {
    return toFormState(e, { body });
  }
  const path = `/questions/${done.questionId}/${done.slug}`;
  revalidatePath(path);
  redirect(toComment ? `${path}#comment-${done.id}` : path);
}

export async function addCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  const fields = formFields(form);
  return runAndReturn(async () => {
    await guardWrite(user, "other", fields.body ?? "");
    return addComment(user, fields);
  }, true, fields.body);
}

export async function editCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  const fields = formFields(form);
  return runAndReturn(async () => {
    await guardWrite(user, "other", fields.body ?? "");
    return editComment(user, fields);
  }, true, fields.body);
}

export async function deleteCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  return runAndReturn(async () => {
    await guardWrite(user, "other");
    return deleteComment(user, formFields(form));
  }, false);
}
