"use server";
import { getCurrentUser } from "../auth/current-user";
import { toggleFollow } from "../commands/follow";
import { formFields } from "../validation/parse";
import { toFormState, type FormState } from "./form-state";

export type FollowState = FormState & { following?: boolean };

/**
 * No redirect: the button shows the returned state; a page rendered afterwards (or the
 * no-JavaScript reply to this post) reads the follow fresh. Follows never change what
 * signed-out readers see, so no cached page is dropped.
 */
export async function followAction(_prev: FollowState, form: FormData): Promise<FollowState> {
  try {
    return await toggleFollow(await getCurrentUser(), formFields(form));
  } catch (e) {
    return toFormState(e);
  }
}
