"use server";
import { signIn } from "../auth/config";
import { signUp } from "../commands/accounts";
import { consume, describeWait } from "../rate-limit";
import { clientIp } from "../request";
import { rateLimits } from "../rules";
import { formFields } from "../validation/parse";
import { safeNextPath, toFormState, type FormState } from "./form-state";

const perAddress = rateLimits.signupsPerAddress;

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  const verdict = await consume(`signup:ip:${await clientIp()}`, perAddress);
  if (!verdict.ok) return { message: `Too many new accounts from your address. Try again in ${describeWait(verdict.retryAfterSeconds)}.` };
  let user: { username: string };
  try {
    user = await signUp(fields);
  } catch (e) {
    return toFormState(e);
  }
  await signIn("credentials", { identifier: user.username, password: fields.password, redirectTo: safeNextPath(fields.next) });
  return {};
}
