import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { cacheEpoch, cacheKeyFor, getCachedPage, storeCachedPage, tagsForPath, type CachedPage } from "../lib/page-cache";
import { captureHtml } from "./html-capture";
import { plainPageTransform, withoutScripts } from "./plain-html";

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
type PageTransform = ((html: Buffer, status: number) => Buffer) | null;

const sessionCookie = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token/;

/** Whether a request carries a session (signed-in pages are never the cache's). */
export const hasSessionCookie = (req: IncomingMessage) => sessionCookie.test(req.headers.cookie ?? "");
const cacheablePath = /^\/(?:$|questions\/|categories|tags|users\/|leaderboard)/;

/**
 * Signed-out GETs of public pages are answered from the page cache when it has them (no
 * framework work at all), otherwise rendered by Next and stored. Either way they are plain
 * HTML without scripts (plain-html.ts says why), so a hit and the miss that stored it send the
 * same bytes (the thread pages, written by the forum's own components, pass `plain` null: they
 * are plain already, and keep their one small script of live updates). Signed-in requests
 * always render, and their responses are never stored (a member's thread page is plain HTML as
 * well, with the forum's own script: member-page.ts).
 */
export function serveWithAnonymousCache(req: IncomingMessage, res: ServerResponse, url: URL, next: Handler, plain: PageTransform = withoutScripts) {
  if (!isCacheable(req, url)) {
    res.setHeader("X-Forum-Cache", "BYPASS");
    captureHtml(res, () => {}, plainPageTransform(url.pathname));
    return next(req, res);
  }
  const key = cacheKeyFor(url);
  const hit = getCachedPage(key);
  if (hit) return sendCached(req, res, hit);

  const epoch = cacheEpoch();
  res.setHeader("X-Forum-Cache", "MISS");
  captureHtml(res, (page) => {
    if (req.method !== "GET" || page.status !== 200 || page.headers["set-cookie"]) return;
    const headers = { ...page.headers };
    delete headers["x-forum-cache"];
    storeCachedPage(key, { ...page, headers, tags: tagsForPath(url.pathname), storedAt: Date.now() }, epoch);
  }, plain ?? undefined);
  return next(req, res);
}

/** A signed-out page the cache holds, sent as usual; false when it holds none (nothing sent). */
export function serveFromPageCache(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const hit = isCacheable(req, url) ? getCachedPage(cacheKeyFor(url)) : undefined;
  if (!hit) return false;
  sendCached(req, res, hit);
  return true;
}

function isCacheable(req: IncomingMessage, url: URL): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (hasSessionCookie(req)) return false;
  // RSC payloads (client-side navigation) vary by router state: rendered, never stored.
  if (req.headers.rsc || url.searchParams.has("_rsc")) return false;
  return cacheablePath.test(url.pathname);
}

const gzipped = new WeakMap<CachedPage, Buffer>();

function sendCached(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  res.statusCode = page.status;
  for (const [k, v] of Object.entries(page.headers)) res.setHeader(k, v);
  res.setHeader("X-Forum-Cache", "HIT");
  res.setHeader("Vary", "Accept-Encoding");
  let body = page.body;
  if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    let gz = gzipped.get(page);
    if (!gz) gzipped.set(page, (gz = gzipSync(page.body)));
    body = gz;
    res.setHeader("Content-Encoding", "gzip");
  }
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}
