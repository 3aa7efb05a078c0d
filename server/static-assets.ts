/**
 * Serves what scripts/build-forum.mjs put in public/ (the stylesheet, the thread page's script)
 * from memory, gzipped once, under names that change with their content: browsers keep them for
 * a year and a new build is a new name.
 */
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { forumBuildDir } from "../lib/assets";

type Asset = { body: Buffer; gzipped: Buffer; type: string };

const PREFIX = "/_forum/";
const types: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };
let loaded: Map<string, Asset> | null = null;

function assets(): Map<string, Asset> {
  if (loaded) return loaded;
  loaded = new Map();
  const dir = path.join(forumBuildDir(), "public");
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const type = types[path.extname(name)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(dir, name));
    loaded.set(`${PREFIX}${name}`, { body, gzipped: gzipSync(body), type });
  }
  return loaded;
}

/** Answers a request for one of the assets, or returns false when it asks for something else. */
export function serveStaticAsset(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  if (!pathname.startsWith(PREFIX) || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const asset = assets().get(pathname);
  if (!asset) return false;
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? asset.gzipped : asset.body;
  res.statusCode = 200;
  res.setHeader("Content-Type", asset.type);
  res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  res.setHeader("Vary", "Accept-Encoding");
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
