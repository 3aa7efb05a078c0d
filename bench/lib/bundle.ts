/**
 * The JavaScript a browser downloads for a page: its <script src> files, fetched from the
 * server that sent the page (Next's chunks and the forum's own thread script alike), gzipped.
 */
import { gzipSync } from "node:zlib";

export type BundleSize = { files: number; rawKb: number; gzipKb: number; inlineGzipKb: number; noModuleGzipKb: number; missing: string[] };

export async function measureBundle(html: string, base: string): Promise<BundleSize> {
  const srcs = new Set<string>();
  const legacy = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(m[1]!)?.[1]?.replaceAll("&amp;", "&");
    // noModule scripts (Next's polyfills) are skipped by every browser that runs modules.
    if (src) (/\bnomodule\b/i.test(m[1]!) ? legacy : srcs).add(src);
  }
  const missing: string[] = [];
  const download = async (src: string) => {
    const res = await fetch(new URL(src, base), { headers: { "accept-encoding": "identity" } });
    if (res.ok) return Buffer.from(await res.arrayBuffer());
    missing.push(src);
    return Buffer.alloc(0);
  };
  let raw = 0;
  let gzip = 0;
  let noModuleGzip = 0;
  for (const src of legacy) noModuleGzip += gzipSync(await download(src)).length;
  for (const src of srcs) {
    const bytes = await download(src);
    if (bytes.length === 0) continue;
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  // The inline scripts (React's flight data for hydration) arrive inside the HTML itself.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join("");
  return { files: srcs.size, rawKb: raw / 1024, gzipKb: gzip / 1024, inlineGzipKb: gzipSync(inline).length / 1024, noModuleGzipKb: noModuleGzip / 1024, missing };
}
