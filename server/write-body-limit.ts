/**
 * Writes whose body is larger than any form of the forum sends are refused here, by their
 * Content-Length, before anything reads them: Next's own limit for server actions answers 500
 * after parsing a megabyte, and a route handler would read it all before refusing. A body of
 * unknown length (chunked) is refused too: every browser form and fetch sends its length.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { limits, uploadLimits } from "../lib/rules";

// The longest text field (a post's body) form-encoded at worst (%XX for each of three UTF-8
// bytes), with room for the other fields.
export const MAX_WRITE_BYTES = limits.bodyMax * 9 + 64 * 1024;
/** The image upload's route takes one file of up to UPLOAD_MAX_BYTES, with room for its multipart framing. */
export const UPLOAD_ROUTE = "/api/uploads";
const MAX_UPLOAD_REQUEST_BYTES = uploadLimits.maxBytes + 64 * 1024;

const wantsJson = (req: IncomingMessage, url: URL) =>
  url.pathname.startsWith("/api/") || !!req.headers["next-action"] || /\bapplication\/json\b/.test(String(req.headers.accept ?? ""));

/** Answers and returns true when the write's body may not be read. */
export function refuseOversizedWrite(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const length = req.headers["content-length"];
  if (req.headers["transfer-encoding"] !== undefined && length === undefined) {
    refuse(req, res, url, 411, "Send the request with its Content-Length.");
    return true;
  }
  if (url.pathname === UPLOAD_ROUTE) {
    if (length === undefined || Number(length) <= MAX_UPLOAD_REQUEST_BYTES) return false;
    const mb = uploadLimits.maxBytes / (1024 * 1024);
    // Its page without JavaScript (app/images/new) posts a plain form and reads HTML.
    const json = /\bapplication\/json\b/.test(String(req.headers.accept ?? ""));
    refuse(req, res, url, 413, `That file is too large: images can be up to ${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB.`, json);
    return true;
  }
  if (length === undefined || Number(length) <= MAX_WRITE_BYTES) return false;
  const kilobytes = Math.round(MAX_WRITE_BYTES / 1024).toLocaleString("en-US");
  refuse(req, res, url, 413, `That was not sent: it is larger than the forum takes (${kilobytes} kB; a post holds up to ${limits.bodyMax.toLocaleString("en-US")} characters).`);
  return true;
}

function refuse(req: IncomingMessage, res: ServerResponse, url: URL, status: number, message: string, json = wantsJson(req, url)): void {
  res.statusCode = status;
  res.setHeader("Cache-Control", "no-store");
  // The body is not read: the connection closes after the answer instead of draining it.
  res.setHeader("Connection", "close");
  if (json) {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ error: message }));
    return;
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not sent</title></head>` +
      `<body><main><h1>Not sent</h1><p>${message}</p><p>Go back: your text is still in the form.</p></main></body></html>`,
  );
}
