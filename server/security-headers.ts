import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

/**
 * Headers every response carries, cache hit or miss. The CSP cannot use a per-request nonce
 * (cached bytes are served to many readers), so inline scripts are allowed by their hashes,
 * computed from the very bytes that are sent, and other scripts only from this origin.
 */
export function setBaseSecurityHeaders(res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
}

const inlineScript = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function contentSecurityPolicyFor(html: string): string {
  const hashes = new Set<string>();
  for (const m of html.matchAll(inlineScript)) {
    hashes.add(`'sha256-${createHash("sha256").update(m[1] ?? "").digest("base64")}'`);
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes].join(" ")}`.trim(),
    // React and Next set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
