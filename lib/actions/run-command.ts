import { revalidatePath } from "next/cache";
import { getCurrentUser } from "../auth/current-user";
import type { Actor } from "../commands/guard";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";
import { guardWrite } from "./write-guard";

/**
 * The shared body of the moderation and admin actions: resolve who is acting (on the server),
 * run the command with the form's fields, and answer with a message or the field errors.
 */
export async function runCommand(
  form: FormData,
  command: (actor: Actor | null, fields: Record<string, string>) => Promise<unknown>,
  done: string,
  revalidate?: string,
): Promise<FormState> {
  try {
    const user = await getCurrentUser();
    await guardWrite(user, "other");
    await command(user, formFields(form));
  } catch (e) {
    return toFormState(e);
  }
  if (revalidate) revalidatePath(revalidate);
  return { message: done, ok: true };
}
