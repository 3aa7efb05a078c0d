import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildSync } from "esbuild";

type Script = { path: string; body: Buffer; gzipped: Buffer };

const ENTRY = path.join(import.meta.dirname, "../lib/enhance/thread-page.ts");
let built: Script | undefined;

/**
 * The plain thread page's script (lib/enhance/thread-page.ts), bundled when first asked for:
 * a few kB, served from memory under a name that changes with its content, so browsers keep it
 * for good and a new version is a new URL. Built here rather than by Next, whose client bundles
 * bring its runtime along.
 */
export function threadPageScript(): Script {
  if (built) return built;
  const { outputFiles } = buildSync({ entryPoints: [ENTRY], bundle: true, minify: true, format: "iife", target: "es2020", write: false, logLevel: "silent" });
  const body = Buffer.from(outputFiles[0]!.contents);
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 12);
  built = { path: `/_forum/thread-page.${hash}.js`, body, gzipped: gzipSync(body) };
  return built;
}

/** Answers a request for the script, or returns false when it asks for something else. */
export function servePageScript(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (!pathname.startsWith("/_forum/")) return false;
  const script = threadPageScript();
  if (pathname !== script.path || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? script.gzipped : script.body;
  res.statusCode = 200;
  res.setHeader("Content-Type", "text/javascript; charset=utf-8");
  res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  res.setHeader("Vary", "Accept-Encoding");
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
