"use server";
import { AuthError } from "next-auth";
import { signIn, TooManyLogIns } from "../auth/config";
import { describeWait } from "../rate-limit";
import { logInSchema } from "../validation/account";
import { formFields, parseInput } from "../validation/parse";
import { safeNextPath, toFormState, type FormState } from "./form-state";

// The same words whether the account exists or not, and whether the password or the name is wrong.
const WRONG = "Wrong username, email or password.";

/** The log-in form; its brute-force limits are the credentials provider's (lib/auth/login-limits.ts). */
export async function logInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  let identifier: string, password: string;
  try {
    ({ identifier, password } = parseInput(logInSchema, fields));
  } catch (e) {
    return toFormState(e);
  }
  try {
    await signIn("credentials", { identifier, password, redirectTo: safeNextPath(fields.next) });
  } catch (e) {
    if (e instanceof TooManyLogIns) return { message: `Too many failed attempts. Try again in ${describeWait(e.retryAfterSeconds)}.` };
    if (!(e instanceof AuthError)) throw e; // Next's redirect after a successful sign-in
    return { message: WRONG };
  }
  return {};
}
