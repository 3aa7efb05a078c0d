import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "../lib/client-address";
import { consume, describeWait } from "../lib/rate-limit";
import { trust } from "../lib/rules";
import { recordView } from "../lib/views";
import { serveWithAnonymousCache, type Handler } from "./anonymous-cache";
import { captureHtml } from "./html-capture";
import { plainPageTransform } from "./plain-html";
import { isApiV1Path, sendApiProblem } from "./api-refusal";
import { setBaseSecurityHeaders } from "./security-headers";
import { serveStaticAsset } from "./static-assets";
import { LIVE_PATH, serveLiveStream } from "./live-stream";
import { isUploadPath, serveUpload } from "./uploads";
import { isStudyPath, serveStudy } from "./study-page";
import { isThreadPath, serveThread } from "./thread-page";
import { answeredWhileDatabaseDown } from "./unavailable";
import { isWebDocumentPath, serveWebDocument } from "./web-documents";
import { refuseOversizedWrite } from "./write-body-limit";

const threadPath = /^\/questions\/(\d+)(?:\/|$)/;
// How many proxies in front of the forum append to X-Forwarded-For (TRUST_PROXY=1 for one).
const trustedHops = Math.max(0, Math.min(10, Number.parseInt(process.env.TRUST_PROXY ?? "0", 10) || 0));

/** Everything a request passes before Next.js: headers, the client's address, views, cache. */
export function frontDoor(next: Handler, notFound: Handler): Handler {
  return (req, res) => {
    setBaseSecurityHeaders(res, { https: servedOverHttps(req) });
    req.headers[CLIENT_IP_HEADER] = clientAddress(req);
    const url = new URL(req.url ?? "/", "http://forum.local");
    if (serveStaticAsset(req, res, url.pathname)) return;
    if (isUploadPath(url.pathname)) return void serveUpload(req, res, url.pathname);
    // Next answers a path that is not valid percent-encoding inside a dynamic segment with a
    // 500, and a NUL reaches the database, which refuses the query; to a reader either is
    // simply a page that does not exist.
    const api = isApiV1Path(url.pathname);
    if (!decodes(url.pathname) || /%00/.test(url.pathname)) {
      // The JSON API says what is wrong with the address, as problem details.
      if (api) return sendApiProblem(res, 400, "The address holds a NUL character (%00) or broken percent-encoding.");
      captureHtml(res, () => {});
      return notFound(req, res);
    }
    if (url.search.includes("%00")) return api ? sendApiProblem(res, 400, "The query holds a NUL character (%00).") : refuseAddress(res);
    if (answeredWhileDatabaseDown(req, res, url)) return;
    if (url.pathname === LIVE_PATH) return serveLiveStream(req, res, url, String(req.headers[CLIENT_IP_HEADER]));
    countThreadView(req, url);
    // A CORS preflight (OPTIONS) writes nothing: it spends no write budget.
    const write = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
    if (write && refuseOversizedWrite(req, res, url)) return;
    // The live preview is a pure render, not a write: it has no budget to spend. A draft's
    // saves come every few seconds while a member types: they have a budget of their own
    // (lib/commands/drafts.ts), per member, which members behind one address do not share.
    if (write && url.pathname !== "/api/preview" && url.pathname !== "/api/drafts") return limitWrites(req, res, url, next);
    if (isThreadPath(url.pathname)) return serveThread(req, res, url, notFound);
    if (isStudyPath(url.pathname)) return serveStudy(req, res, url, notFound);
    if (isWebDocumentPath(url.pathname)) return serveWebDocument(req, res, url);
    return serveWithAnonymousCache(req, res, url, next);
  };
}

/**
 * A flood guard on every write (form posts, server actions, API calls) per address, before any
 * framework work. Members' own budgets and new-member limits are checked by the actions.
 */
async function limitWrites(req: IncomingMessage, res: ServerResponse, url: URL, next: Handler) {
  const verdict = await consume(`post:ip:${req.headers[CLIENT_IP_HEADER]}`, { limit: trust.postsPerAddressPerMinute, windowMs: 60_000 });
  if (verdict.ok) {
    res.setHeader("X-Forum-Cache", "BYPASS");
    // A form posted without JavaScript may answer with the thread page (showing why it was refused).
    captureHtml(res, () => {}, plainPageTransform(url.pathname));
    return next(req, res);
  }
  const message = `Too many requests from your address. Try again in ${describeWait(verdict.retryAfterSeconds)}.`;
  res.statusCode = 429;
  res.setHeader("Retry-After", String(verdict.retryAfterSeconds));
  res.setHeader("Cache-Control", "no-store");
  if (isApiV1Path(url.pathname)) {
    sendApiProblem(res, 429, message, { retryAfterSeconds: verdict.retryAfterSeconds });
  } else if (url.pathname.startsWith("/api/")) {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ error: message, retryAfterSeconds: verdict.retryAfterSeconds }));
  } else {
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end(message);
  }
}

/**
 * The peer's address; behind TRUST_PROXY proxies, the address the outermost trusted one saw,
 * counted from the right of X-Forwarded-For: each proxy appends the address it got the request
 * from, and anything further left was written by the client, who may write anything.
 */
export function clientAddress(req: IncomingMessage, hops = trustedHops): string {
  if (hops > 0) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((a) => a.trim()).filter(Boolean);
    const seen = forwarded[forwarded.length - hops];
    if (seen) return seen;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/**
 * Whether the reader's connection is HTTPS: this server's own TLS, or, behind TRUST_PROXY
 * proxies, the scheme the outermost one saw (X-Forwarded-Proto, which such proxies set).
 */
export function servedOverHttps(req: IncomingMessage, hops = trustedHops): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  if (hops === 0) return false;
  const protos = String(req.headers["x-forwarded-proto"] ?? "").split(",").map((p) => p.trim().toLowerCase()).filter(Boolean);
  return protos[protos.length - 1] === "https";
}

/** A query with a NUL in it (no form of the forum's sends one): said plainly, before any page runs. */
function refuseAddress(res: ServerResponse): void {
  res.statusCode = 400;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end("This address holds a NUL character (%00), which no page of the forum takes. Remove it and try again.");
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * One view per visit: documents and client-side navigations, never prefetches, HEADs, or the
 * page a script fetches to open a form in place (lib/enhance/open-form.ts).
 */
function countThreadView(req: IncomingMessage, url: URL): void {
  if (req.method !== "GET" || req.headers["next-router-prefetch"]) return;
  if (req.headers["sec-fetch-dest"] === "empty" && !req.headers.rsc) return;
  const m = threadPath.exec(url.pathname);
  if (!m) return;
  const id = Number(m[1]);
  if (Number.isSafeInteger(id) && id > 0 && id < 2 ** 31) recordView(id);
}

