/**
 * The JavaScript a browser downloads for a page: its <script src> files, fetched from the
 * server that sent the page (for a member's thread page, the forum's one script
 * /_forum/thread-page.<hash>.js), gzipped, and the inline scripts that arrive inside the HTML.
 */
import { gzipSync } from "node:zlib";

export type BundleSize = { files: string[]; rawKb: number; gzipKb: number; inlineGzipKb: number; noModuleGzipKb: number; missing: string[] };

// Data blocks (JSON-LD and the like) are not run: only scripts without a type, or of a JS type.
const runs = (attrs: string) => {
  const type = /\btype="([^"]*)"/i.exec(attrs)?.[1]?.toLowerCase();
  return type === undefined || type === "" || type === "module" || type.includes("javascript");
};

export async function measureBundle(html: string, base: string): Promise<BundleSize> {
  const srcs = new Set<string>();
  const legacy = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(m[1]!)?.[1]?.replaceAll("&amp;", "&");
    // noModule scripts (polyfills) are skipped by every browser that runs modules.
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
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => runs(m[1]!)).map((m) => m[2]).join("");
  // gzip of nothing is still 20 bytes of header: no inline script counts as none.
  const inlineGzip = inline.trim() ? gzipSync(inline).length : 0;
  return { files: [...srcs], rawKb: raw / 1024, gzipKb: gzip / 1024, inlineGzipKb: inlineGzip / 1024, noModuleGzipKb: noModuleGzip / 1024, missing };
}
