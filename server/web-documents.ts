/**
 * What the forum serves machines, answered by the front door before Next: /robots.txt, the
 * sitemap (/sitemap.xml and its files under /sitemaps/), Atom feeds under /feeds/, question
 * preview images under /og/ and the site's icons. The text documents are public and the same
 * for everyone, so they live in the page cache, tagged like the pages they list: a write that
 * changes a list or a thread drops them with it.
 */
import { CLIENT_IP_HEADER } from "../lib/client-address";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import * as listings from "../lib/data/web-listings";
import { loadPublicThread } from "../lib/data/thread-cache";
import { consume, describeWait } from "../lib/rate-limit";
import { cacheEpoch, getCachedPage, LISTS_TAG, questionTag, storeCachedPage } from "../lib/page-cache";
import { answersFeed, questionsFeed } from "../lib/web/feeds";
import { categoryEntry, questionEntry, robotsTxt, sitemapFile, sitemapFileSize, sitemapIndex, tagEntry } from "../lib/web/sitemap";
import { titleVersion, type SitemapKind } from "../lib/web/web-paths";
import { renderQuestionImage } from "./og-image";
import { isSiteIconPath, siteIcon } from "./site-icons";

const FEED_ENTRIES = 30;
// Drawing a preview image costs about a quarter of a second of CPU: an address that asks for
// many images not yet drawn (walking every question id) waits instead of keeping a core busy.
const imageRendersPerMinute = () => Number(process.env.PREVIEW_IMAGES_PER_MINUTE) || 30;
const ATOM = "application/atom+xml; charset=utf-8";
const XML = "application/xml; charset=utf-8";

type WebDocument = { type: string; body: string; tags: string[] } | null;
type Route = (match: RegExpExecArray) => Promise<WebDocument>;

const SITEMAP_FILES: Record<SitemapKind, (page: number, size: number) => Promise<{ path: string; lastModified?: Date }[]>> = {
  questions: async (page, size) => (await listings.listSitemapQuestions((page - 1) * size, size)).map(questionEntry),
  tags: async (page, size) => (await listings.listSitemapTags((page - 1) * size, size)).map(tagEntry),
  categories: async (page, size) => (await listings.listSitemapCategories((page - 1) * size, size)).map(categoryEntry),
};

const routes: [RegExp, Route][] = [
  [/^\/robots\.txt$/, async () => ({ type: "text/plain; charset=utf-8", body: robotsTxt(), tags: [LISTS_TAG] })],
  [
    /^\/sitemap\.xml$/,
    async () => {
      const [questions, tags, categories] = await Promise.all([listings.countSitemapQuestions(), listings.countSitemapTags(), listings.countSitemapCategories()]);
      return { type: XML, body: sitemapIndex({ questions, tags, categories }), tags: [LISTS_TAG] };
    },
  ],
  [
    /^\/sitemaps\/(questions|tags|categories)-([1-9]\d{0,6})\.xml$/,
    async (m) => {
      const page = Number(m[2]);
      const entries = await SITEMAP_FILES[m[1] as SitemapKind](page, sitemapFileSize());
      // The first file of each kind exists even when empty (the index names it); others only with entries.
      if (entries.length === 0 && page > 1) return null;
      return { type: XML, body: sitemapFile(entries), tags: [LISTS_TAG] };
    },
  ],
  [/^\/feeds\/questions\.atom$/, async () => ({ type: ATOM, body: questionsFeed((await listings.listFeedQuestions(FEED_ENTRIES))!), tags: [LISTS_TAG] })],
  [
    /^\/feeds\/tags\/([^/]+)\.atom$/,
    async (m) => {
      const name = decodeURIComponent(m[1]!);
      const questions = await listings.listFeedQuestions(FEED_ENTRIES, name);
      return questions && { type: ATOM, body: questionsFeed(questions, name), tags: [LISTS_TAG] };
    },
  ],
  [
    /^\/feeds\/questions\/([1-9]\d{0,8})\.atom$/,
    async (m) => {
      const id = Number(m[1]);
      const thread = await listings.findFeedThread(id, FEED_ENTRIES);
      return thread && { type: ATOM, body: answersFeed(thread, thread.answers), tags: [questionTag(id), LISTS_TAG] };
    },
  ],
];

const OG_IMAGE = /^\/og\/questions\/([1-9]\d{0,8})\.png$/;

/** Whether the front door should hand this GET to serveWebDocument. */
export function isWebDocumentPath(pathname: string): boolean {
  return isSiteIconPath(pathname) || OG_IMAGE.test(pathname) || routes.some(([re]) => re.test(pathname));
}

export async function serveWebDocument(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(req, res, 405, "Only GET and HEAD are answered here.", { Allow: "GET, HEAD" });
    if (isSiteIconPath(url.pathname)) {
      const icon = await siteIcon(url.pathname);
      return send(req, res, 200, icon.type, icon.body, { "Cache-Control": "public, max-age=86400" });
    }
    const og = OG_IMAGE.exec(url.pathname);
    if (og) return await serveQuestionImage(req, res, Number(og[1]), url.searchParams.get("v"));
    await serveCachedDocument(req, res, url.pathname);
  } catch (err) {
    console.error(`${url.pathname} failed: ${(err as Error).message}`);
    if (res.headersSent) return void res.destroy();
    sendText(req, res, 503, "The forum is temporarily unavailable. Try again in a few seconds.", { "Retry-After": "5" });
  }
}

async function serveCachedDocument(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const hit = getCachedPage(pathname);
  if (hit) {
    res.setHeader("X-Forum-Cache", "HIT");
    return send(req, res, 200, hit.headers["content-type"]!, hit.body, { "Cache-Control": "public, max-age=300" });
  }
  const epoch = cacheEpoch();
  let doc: WebDocument = null;
  for (const [re, route] of routes) {
    const m = re.exec(pathname);
    if (m) {
      doc = await route(m);
      break;
    }
  }
  if (!doc) return sendText(req, res, 404, "There is nothing at this address.");
  const body = Buffer.from(doc.body);
  storeCachedPage(pathname, { status: 200, headers: { "content-type": doc.type }, body, tags: doc.tags, storedAt: Date.now() }, epoch);
  res.setHeader("X-Forum-Cache", "MISS");
  send(req, res, 200, doc.type, body, { "Cache-Control": "public, max-age=300" });
}

// Rendered images by question id and title fingerprint; the newest few hundred are kept.
const MAX_IMAGES = 300;
const images = new Map<string, Promise<Buffer>>();

async function serveQuestionImage(req: IncomingMessage, res: ServerResponse, id: number, asked: string | null): Promise<void> {
  const shared = await loadPublicThread(id, "votes");
  if (!shared || shared.thread.question.hiddenAt) return sendText(req, res, 404, "There is no such question.");
  const { title, category } = shared.thread.question;
  const version = titleVersion(title);
  const key = `${id}:${version}`;
  let image = images.get(key);
  if (!image) {
    // The address the front door worked out.
    const verdict = await consume(`og-image:ip:${String(req.headers[CLIENT_IP_HEADER] ?? "unknown")}`, { limit: imageRendersPerMinute(), windowMs: 60_000 });
    if (!verdict.ok) return sendText(req, res, 429, `Too many preview images asked for. Try again in ${describeWait(verdict.retryAfterSeconds)}.`, { "Retry-After": String(verdict.retryAfterSeconds) });
    if (images.size >= MAX_IMAGES) images.delete(images.keys().next().value!);
    image = renderQuestionImage(title, category.name);
    images.set(key, image);
    image.catch(() => images.delete(key));
  }
  // The address of this very title's image never changes what it shows; an older or missing
  // fingerprint gets today's image, kept briefly.
  const cacheControl = asked === version ? "public, max-age=31536000, immutable" : "public, max-age=300";
  send(req, res, 200, "image/png", await image, { "Cache-Control": cacheControl });
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("Content-Type", type);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  let out = body;
  if (!type.startsWith("image/png") && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    out = gzipSync(body);
    res.setHeader("Content-Encoding", "gzip");
  }
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("Content-Length", out.length);
  res.end(req.method === "HEAD" ? undefined : out);
}

const sendText = (req: IncomingMessage, res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) =>
  send(req, res, status, "text/plain; charset=utf-8", Buffer.from(text), { "Cache-Control": "no-store", ...headers });
