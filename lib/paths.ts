/**
 * The forum's addresses, each built in one place: every link to a member, tag, category,
 * question, answer or comment comes from here, encoded the same way everywhere. Shared by the
 * server and the browser.
 */

export const userPath = (username: string) => `/users/${encodeURIComponent(username)}`;

export const tagPath = (name: string) => `/tags/${encodeURIComponent(name)}`;

export const categoryPath = (slug: string) => `/categories/${encodeURIComponent(slug)}`;

type QuestionRef = { id: number; slug: string };

export const questionPath = (q: QuestionRef) => `/questions/${q.id}/${encodeURIComponent(q.slug)}`;

export const answerPath = (q: QuestionRef, answerId: number) => `${questionPath(q)}#answer-${answerId}`;

export const commentPath = (q: QuestionRef, commentId: number) => `${questionPath(q)}#comment-${commentId}`;

/** The log-in page, coming back to `next` (a path on this site) afterwards. */
export const loginPath = (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : "/login");

/** An uploaded image's address on this site (server/uploads.ts serves it). */
export const uploadPath = (id: string, variant: "original" | "display", ext: string) => `/uploads/${id}/${variant}.${ext}`;
