/**
 * The buttons a prebuilt post may carry (components/member-post-markup.ts), and the bounty offer
 * of a thread written whole (components/member-thread-markup.ts), each a plain form
 * posting to /api/thread-actions/<name> (on the plain page, lib/enhance only confirms and shows
 * the pending label) and, on a hydrated page, calling the server action of the same name
 * (components/prebuilt-post-controls.tsx). Shared by server and browser.
 */
export const THREAD_ACTIONS = ["pick-best", "clear-best", "delete-answer", "award-bounty", "delete-comment", "offer-bounty"] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

export const threadActionPath = (action: ThreadAction) => `/api/thread-actions/${action}`;

export const isThreadAction = (name: string | undefined): name is ThreadAction => (THREAD_ACTIONS as readonly (string | undefined)[]).includes(name);
