/** The JavaScript a browser downloads for a page: its <script src> files, gzipped, from the build. */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DIST_DIR } from "./build";

const root = path.resolve(import.meta.dirname, "../..");

export type BundleSize = { files: number; rawKb: number; gzipKb: number; inlineGzipKb: number; noModuleGzipKb: number; missing: string[] };

export function measureBundle(html: string): BundleSize {
  const srcs = new Set<string>();
  const legacy = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(m[1]!)?.[1]?.replaceAll("&amp;", "&");
    // noModule scripts (Next's polyfills) are skipped by every browser that runs modules.
    if (src) (/\bnomodule\b/i.test(m[1]!) ? legacy : srcs).add(src);
  }
  let raw = 0;
  let gzip = 0;
  let noModuleGzip = 0;
  const missing: string[] = [];
  for (const src of legacy) {
    const file = fileOf(src);
    if (fs.existsSync(file)) noModuleGzip += gzipSync(fs.readFileSync(file)).length;
  }
  for (const src of srcs) {
    const file = fileOf(src);
    if (!fs.existsSync(file)) {
      missing.push(src);
      continue;
    }
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  // The inline scripts (React's flight data for hydration) arrive inside the HTML itself.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join("");
  return { files: srcs.size, rawKb: raw / 1024, gzipKb: gzip / 1024, inlineGzipKb: gzipSync(inline).length / 1024, noModuleGzipKb: noModuleGzip / 1024, missing };
}

function fileOf(src: string): string {
  const rel = new URL(src, "http://x").pathname.replace(/^\/_next\//, "");
  return path.join(root, DIST_DIR, decodeURIComponent(rel));
}
