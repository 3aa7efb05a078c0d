/**
 * A message one form of the thread shows after a post without JavaScript came back (a flag's
 * "Thanks"): the route that took the post sets it in a short-lived cookie on its way back to
 * the thread (it goes to the same browser, through any app server), and the thread page shows
 * it in that form once and clears it. Forms are named "<form>:<target>", as "flag:comment-7".
 */
export const NOTICE_COOKIE = "forum-notice";

export type Notice = { form: string; message: string };

export function noticeCookie(notice: Notice): string {
  return `${NOTICE_COOKIE}=${encodeURIComponent(JSON.stringify(notice))}; Path=/; Max-Age=60; HttpOnly; SameSite=Lax`;
}

export const clearNoticeCookie = `${NOTICE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;

/** The notice a cookie value carries, or null when it is not one. */
export function readNotice(value: string | undefined): Notice | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as unknown;
    const { form, message } = (parsed ?? {}) as { form?: unknown; message?: unknown };
    return typeof form === "string" && typeof message === "string" && form.length < 100 && message.length < 300 ? { form, message } : null;
  } catch {
    return null;
  }
}
