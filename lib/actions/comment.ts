"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { addComment, deleteComment, editComment } from "../commands/comment";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { guardWrite } from "./write-guard";

type Done = { id: number; questionId: number; slug: string };

/**
 * Runs a comment command for the member posting `form`, after the write guard every write
 * passes (with the comment's text, for the link cap), then goes back to the thread (at the
 * comment when it still exists), as goToThread does: revalidating the path makes the response
 * carry the fresh page, and the redirect only adds a #hash to the URL the writer is on. A
 * refused comment's text goes back to the form.
 */
async function runAndReturn(form: FormData, command: (user: CurrentUser | null, fields: Record<string, string>) => Promise<Done>, toComment: boolean): Promise<FormState> {
  const fields = formFields(form);
  let done: Done;
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other", fields.body);
    done = await command(user, fields);
  } catch (e) {
    return toFormState(e, { body: fields.body });
  }
  const path = `/questions/${done.questionId}/${done.slug}`;
  revalidatePath(path);
  redirect(toComment ? `${path}#comment-${done.id}` : path);
}

export async function addCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAndReturn(form, addComment, true);
}

export async function editCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAndReturn(form, editComment, true);
}

export async function deleteCommentAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runAndReturn(form, deleteComment, false);
}
