/**
 * Addresses of what the forum offers machines: feeds, the sitemap, preview images. Built here
 * only, like lib/paths.ts for pages.
 */
import { questionPath } from "../paths";

export const newestQuestionsFeedPath = "/feeds/questions.atom";
export const tagFeedPath = (name: string) => `/feeds/tags/${encodeURIComponent(name)}.atom`;
export const answersFeedPath = (questionId: number) => `/feeds/questions/${questionId}.atom`;
export const sitemapIndexPath = "/sitemap.xml";
export const sitemapPath = (kind: SitemapKind, page: number) => `/sitemaps/${kind}-${page}.xml`;
export type SitemapKind = "questions" | "tags" | "categories";

/** A short fingerprint of what the preview image shows, so that a new title is a new address. */
export function titleVersion(title: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The question's preview image (Open Graph, Twitter), versioned by its title. */
export const questionImagePath = (q: { id: number; title: string }) => `/og/questions/${q.id}.png?v=${titleVersion(q.title)}`;

export { questionPath };
