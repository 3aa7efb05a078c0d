/**
 * The buttons and small forms of a thread page (components/html/thread), each a plain form
 * posting to /api/thread-actions/<name>, which answers a form post with the way back to the
 * thread (or the reason, with what was typed) and the page's script with JSON
 * (lib/enhance/thread-forms.ts). Votes, Follow and the answer form have routes of their own.
 * Shared by server and browser.
 */
export const THREAD_ACTIONS = [
  "pick-best",
  "clear-best",
  "delete-answer",
  "undelete-answer",
  "award-bounty",
  "offer-bounty",
  "add-comment",
  "edit-comment",
  "delete-comment",
  "flag",
  "lock",
  "close",
  "reopen",
  "delete-question",
  "undelete-question",
] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

export const threadActionPath = (action: ThreadAction) => `/api/thread-actions/${action}`;

export const isThreadAction = (name: string | undefined): name is ThreadAction => (THREAD_ACTIONS as readonly (string | undefined)[]).includes(name);
