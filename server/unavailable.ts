/**
 * While the database server does not answer (lib/db/health.ts), every request is answered at
 * once: a signed-out page the page cache holds as usual, anything else a 503 "temporarily
 * unavailable" with Retry-After, as HTML, or as JSON under /api. Nothing waits on a pool that
 * cannot serve it, and the forum comes back by itself when the probe gets an answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { unavailablePageHtml } from "../components/html/unavailable-page";
import { checkDatabase, databaseIsDown } from "../lib/db/health";
import { serveFromPageCache } from "./anonymous-cache";
import { isApiV1Path, sendApiProblem } from "./api-refusal";
import { contentSecurityPolicyFor } from "./security-headers";

export const RETRY_AFTER_SECONDS = 5;
const MESSAGE = "The forum is temporarily unavailable: its database does not answer. Try again in a few seconds.";

/** Answers the request if the database is down; false when it should go on as usual. */
export function answeredWhileDatabaseDown(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  // A failure on the way may be the server going away: ask it, so the next request knows.
  res.once("finish", () => res.statusCode >= 500 && void checkDatabase());
  if (!databaseIsDown()) return false;
  if (serveFromPageCache(req, res, url)) return true;
  res.statusCode = 503;
  res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  res.setHeader("Cache-Control", "no-store");
  if (isApiV1Path(url.pathname)) {
    sendApiProblem(res, 503, MESSAGE, { retryAfterSeconds: RETRY_AFTER_SECONDS });
    return true;
  }
  if (url.pathname.startsWith("/api/")) {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ error: MESSAGE, retryAfterSeconds: RETRY_AFTER_SECONDS }));
    return true;
  }
  const html = unavailablePageHtml();
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", contentSecurityPolicyFor(html));
  res.setHeader("Content-Length", html.length);
  res.end(req.method === "HEAD" ? undefined : html);
  return true;
}

/**
 * A page the front door renders itself (a thread, a study sheet) that failed on the way: said
 * as a 503 in plain words (the database may have just gone away), never a stack trace; a
 * response already under way is cut, so the reader never takes half a page for a whole one.
 */
export function answerPageFailure(res: ServerResponse, url: URL, err: unknown): void {
  console.error(`${url.pathname} failed: ${(err as Error)?.message ?? err}`);
  if (res.headersSent) return void res.destroy();
  res.statusCode = 503;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  res.end("The forum is temporarily unavailable. Try again in a few seconds.");
}
