"use server";
import { AuthError } from "next-auth";
import { signIn } from "../auth/config";
import { loginFailuresKey } from "../auth/login-limits";
import { check, consume, describeWait, reset } from "../rate-limit";
import { clientIp } from "../request";
import { rateLimits } from "../rules";
import { logInSchema } from "../validation/account";
import { formFields, parseInput } from "../validation/parse";
import { safeNextPath, toFormState, type FormState } from "./form-state";

const perAccount = rateLimits.loginFailuresPerAccount;
const perAddress = rateLimits.loginFailuresPerAddress;
// The same words whether the account exists or not, and whether the password or the name is wrong.
const WRONG = "Wrong username, email or password.";

export async function logInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const fields = formFields(form);
  let identifier: string, password: string;
  try {
    ({ identifier, password } = parseInput(logInSchema, fields));
  } catch (e) {
    return toFormState(e);
  }
  const accountKey = loginFailuresKey(identifier);
  const addressKey = `login:ip:${await clientIp()}`;
  for (const [key, rule] of [[accountKey, perAccount], [addressKey, perAddress]] as const) {
    const verdict = await check(key, rule);
    if (!verdict.ok) return { message: `Too many failed attempts. Try again in ${describeWait(verdict.retryAfterSeconds)}.` };
  }
  try {
    await signIn("credentials", { identifier, password, redirectTo: safeNextPath(fields.next) });
  } catch (e) {
    if (!(e instanceof AuthError)) {
      await reset(accountKey); // Next's redirect after a successful sign-in
      throw e;
    }
    await consume(accountKey, perAccount);
    await consume(addressKey, perAddress);
    return { message: WRONG };
  }
  return {};
}
