/**
 * The sitemap (sitemaps.org 0.9): an index naming one file per kind and page, each file at
 * most SITEMAP_URLS_PER_FILE addresses (50,000, the protocol's limit, unless set lower).
 */
import { categoryPath, questionPath, tagPath } from "../paths";
import { absoluteUrl } from "./site-url";
import { sitemapPath, type SitemapKind } from "./web-paths";
import { el, renderXml } from "./xml";

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const PROTOCOL_LIMIT = 50_000;

export function sitemapFileSize(): number {
  const set = Number.parseInt(process.env.SITEMAP_URLS_PER_FILE ?? "", 10);
  return Number.isSafeInteger(set) && set > 0 ? Math.min(set, PROTOCOL_LIMIT) : PROTOCOL_LIMIT;
}

export const SITEMAP_KINDS: SitemapKind[] = ["questions", "tags", "categories"];

/** The index: every kind's files (at least one each, so that an empty forum's map is valid). */
export function sitemapIndex(counts: Record<SitemapKind, number>, size = sitemapFileSize()): string {
  const files = SITEMAP_KINDS.flatMap((kind) => Array.from({ length: Math.max(1, Math.ceil(counts[kind] / size)) }, (_, i) => sitemapPath(kind, i + 1)));
  return renderXml(el("sitemapindex", { xmlns: NS }, files.map((path) => el("sitemap", {}, el("loc", {}, absoluteUrl(path))))));
}

export type SitemapEntry = { path: string; lastModified?: Date };

export function sitemapFile(entries: SitemapEntry[]): string {
  return renderXml(
    el(
      "urlset",
      { xmlns: NS },
      entries.map((e) => el("url", {}, el("loc", {}, absoluteUrl(e.path)), e.lastModified && el("lastmod", {}, e.lastModified.toISOString()))),
    ),
  );
}

export const questionEntry = (q: { id: number; slug: string; lastActivityAt: Date }): SitemapEntry => ({ path: questionPath(q), lastModified: q.lastActivityAt });
export const tagEntry = (t: { name: string }): SitemapEntry => ({ path: tagPath(t.name) });
export const categoryEntry = (c: { slug: string }): SitemapEntry => ({ path: categoryPath(c.slug) });

export function robotsTxt(): string {
  return [
    "User-agent: *",
    "Allow: /",
    // Members' own pages, forms and the machinery behind them: nothing for an index.
    ...["/admin", "/moderation", "/settings", "/inbox", "/api/", "/login", "/signup", "/ask", "/edit/", "/search", "/_next/", "/_forum/"].map((p) => `Disallow: ${p}`),
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    "",
  ].join("\n");
}
