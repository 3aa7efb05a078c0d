import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { imageOrigin } from "../lib/uploads/storage";

/**
 * Headers every response carries, cache hit or miss. The CSP cannot use a per-request nonce
 * (cached bytes are served to many readers), so inline scripts are allowed by their hashes,
 * computed from the very bytes that are sent, and other scripts only from this origin.
 * Over HTTPS, browsers are told to keep to it (HSTS), and every cookie any part of the forum
 * sets is marked Secure here, in one place, whoever set it.
 */
export function setBaseSecurityHeaders(res: ServerResponse, { https }: { https: boolean }): void {
  if (https) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000");
    secureEveryCookie(res);
  }
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
}

const secure = (cookie: string) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);

function secureEveryCookie(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  const appendHeader = res.appendHeader.bind(res);
  const fix = (name: string, value: number | string | readonly string[]) =>
    name.toLowerCase() !== "set-cookie" ? value : Array.isArray(value) ? value.map(secure) : typeof value === "string" ? secure(value) : value;
  res.setHeader = ((name: string, value: number | string | readonly string[]) => setHeader(name, fix(name, value))) as ServerResponse["setHeader"];
  res.appendHeader = ((name: string, value: string | readonly string[]) => appendHeader(name, fix(name, value) as string | readonly string[])) as ServerResponse["appendHeader"];
}

const scriptOpen = Buffer.from("<script");
const scriptClose = Buffer.from("</script>");

/**
 * The hashes of the inline scripts in an HTML page, read from its bytes: a signed-in thread is
 * a quarter of a megabyte, and decoding it to a string to run a regular expression over it cost
 * ten times as much. React writes tags in lower case; an inline script written otherwise would
 * get no hash, so the browser would refuse it (the safe side).
 */
function inlineScriptHashes(html: Buffer): Set<string> {
  const hashes = new Set<string>();
  let at = 0;
  while ((at = html.indexOf(scriptOpen, at)) !== -1) {
    const tagEnd = html.indexOf(">", at);
    if (tagEnd === -1) break;
    // A script with a source is allowed by 'self'; a JSON-LD data block is never run, so it needs no hash.
    const attrs = html.toString("latin1", at + scriptOpen.length, tagEnd);
    if (/\bsrc=/.test(attrs) || /\btype="application\/ld\+json"/.test(attrs)) {
      at = tagEnd + 1;
      continue;
    }
    const close = html.indexOf(scriptClose, tagEnd + 1);
    if (close === -1) break;
    hashes.add(`'sha256-${createHash("sha256").update(html.subarray(tagEnd + 1, close)).digest("base64")}'`);
    at = close + scriptClose.length;
  }
  return hashes;
}

const extraImageOrigin = imageOrigin();

export function contentSecurityPolicyFor(html: Buffer): string {
  const hashes = inlineScriptHashes(html);
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes].join(" ")}`.trim(),
    // React and Next set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Images only from the forum itself (members' uploads are served at /uploads/), or from the
    // image bucket's public address when S3_PUBLIC_URL is set: the Markdown pipeline keeps no others.
    `img-src 'self'${extraImageOrigin ? ` ${extraImageOrigin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
