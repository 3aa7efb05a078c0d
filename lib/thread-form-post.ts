import "server-only";
import type { Child } from "hono/jsx";
import { RefusalPage } from "@/components/html/refusal-page";
import type { Echo } from "@/components/html/thread/model";
import { forumAssets } from "./assets";
import { getCurrentUser, type CurrentUser } from "./auth/current-user";
import { httpStatusOf, isAppError } from "./errors";
import { noticeCookie, type Notice } from "./notices";
import { fromThisSite } from "./request";
import { formFields } from "./validation/parse";

import { safeNextPath } from "./actions/form-state";

export type ThreadFormOutcome<R> = {
  /** The refusal page's heading: "Your vote was not counted". */
  refused: string;
  /** The refused form again, with what was typed and why (its component, as the thread shows it). */
  form?: (back: string, echo: Echo) => Child;
  /** Where in the thread to come back to: "#answer-12". */
  anchor?: (result: R, fields: Record<string, string>) => string;
  /** A page to go to instead of the thread (a deleted question's). */
  to?: (result: R) => string | undefined;
  /** A message for the form to show once back on the thread (lib/notices.ts). */
  notice?: (result: R, fields: Record<string, string>) => Notice;
  /** What a script that asks for JSON (Accept: application/json) gets. */
  json?: (result: R) => Record<string, unknown>;
};

const noStore = { "Cache-Control": "no-store" };

function refusalResponse(status: number, html: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { ...noStore, "Content-Type": "text/html; charset=utf-8" };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return new Response(`${html}`, { status, headers });
}

function jsonResponse(status: number, body: unknown, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { ...noStore };
  if (retryAfterSeconds) headers["Retry-After"] = String(retryAfterSeconds);
  return Response.json(body, { status, headers });
}

/**
 * A form of the thread page posted to its route, for both of the ways it comes: a plain form
 * post (no JavaScript), answered with the way back to the thread, or a page with the reason and
 * the form again, filled in; and the page's script asking for JSON, answered with the outcome or
 * the reason and each field's messages. Cross-site posts are refused; `command` runs as the
 * signed-in member, who is checked again there.
 */
export async function handleThreadFormPost<R>(request: Request, command: (user: CurrentUser | null, fields: Record<string, string>) => Promise<R>, outcome: ThreadFormOutcome<NoInfer<R>>): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const backField = form?.get("back");
  // The page the form was on (a thread, or a tag's or category's for Follow); never another site.
  const back = safeNextPath(backField);
  const wantsJson = /\bapplication\/json\b/.test(request.headers.get("accept") ?? "");
  const user = await getCurrentUser().catch(() => null);
  const refuse = async (status: number, message: string, fields: Record<string, string> = {}, fieldErrors: Record<string, string[]> = {}, retryAfterSeconds?: number) => {
    if (wantsJson) return jsonResponse(status, { error: message, fields: fieldErrors, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) }, retryAfterSeconds);
    // The form, when there is one, shows its fields' messages by the fields; without one, they are the message.
    const echo: Echo = { values: fields, errors: fieldErrors };
    const said = outcome.form ? message : Object.values(fieldErrors).flat().join(" ") || message;
    const page = RefusalPage({ heading: outcome.refused, message: said, back, form: outcome.form?.(back, echo), assets: forumAssets(), member: user });
    return refusalResponse(status, `${await page}`, retryAfterSeconds);
  };
  if (!form) return refuse(400, "That request is not valid: it needs a form.");
  if (!fromThisSite(request)) return refuse(403, "Cross-site requests are refused.");
  const fields = formFields(form);
  let result: R;
  try {
    result = await command(user, fields);
  } catch (e) {
    if (isAppError(e)) return refuse(httpStatusOf[e.code], e.message, fields, e.fieldErrors, e.retryAfterSeconds);
    throw e;
  }
  const to = outcome.to?.(result) ?? `${back}${outcome.anchor?.(result, fields) ?? ""}`;
  const notice = outcome.notice?.(result, fields);
  if (wantsJson) return jsonResponse(200, { ok: true, url: to, ...(notice ? { message: notice.message } : {}), ...(outcome.json?.(result) ?? {}) });
  const headers: Record<string, string> = { ...noStore, Location: to };
  if (notice) headers["Set-Cookie"] = noticeCookie(notice);
  return new Response(null, { status: 303, headers });
}
