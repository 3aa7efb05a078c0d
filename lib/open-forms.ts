/**
 * Which post's flag or comment form a thread URL renders open (`?flag=comment-7`,
 * `?comment=answer-3`): how the "Flag" and "Add a comment" links open one without JavaScript
 * (components/html/thread/disclosure.tsx). Used on the server and in the browser.
 */
import { questionPath } from "./paths";
export type FormTarget = "question" | "answer" | "comment";
export type OpenForms = { flag?: string; comment?: string };

export const formKey = (postType: FormTarget, id: number) => `${postType}-${id}`;

/** The anchor a post or comment has on the thread page. */
const anchorOf = (postType: FormTarget, id: number) => (postType === "question" ? "question-title" : `${postType}-${id}`);

/** The thread URL that renders one post's form open. */
export function openFormHref(param: keyof OpenForms, question: { id: number; slug: string }, postType: FormTarget, postId: number): string {
  return `${questionPath(question)}?${param}=${formKey(postType, postId)}#${anchorOf(postType, postId)}`;
}

/** The open forms a thread page's query asks for; anything else is ignored. */
export function parseOpenForms({ flag, comment }: { flag?: string; comment?: string }): OpenForms {
  const ok = (v?: string) => (typeof v === "string" && /^(question|answer|comment)-\d{1,9}$/.test(v) ? v : undefined);
  return { flag: ok(flag), comment: ok(comment) };
}
