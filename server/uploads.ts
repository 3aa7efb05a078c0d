/**
 * Serves members' images at /uploads/<id>/<variant>.<ext> from the forum's own origin, from
 * the upload store (lib/uploads/storage.ts), before any framework work. An image's bytes never
 * change under its address, so browsers keep it for a year. Its content type comes from the
 * address, which only ever names the four image kinds the forum encodes itself, never from the
 * store or the file: no upload can be served as HTML or SVG, and `nosniff` keeps browsers from
 * guessing otherwise. Opened on its own, the image is a sandboxed document that can run nothing.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { uploadStore } from "../lib/uploads/storage";

const UPLOAD_PATH = /^\/uploads\/([A-Za-z0-9_-]{22})\/(original|display)\.(png|jpg|webp|gif)$/;
const contentTypes: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

export const isUploadPath = (pathname: string) => pathname.startsWith("/uploads/");

export async function serveUpload(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  res.setHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  const match = UPLOAD_PATH.exec(pathname);
  if (req.method !== "GET" && req.method !== "HEAD") return answer(res, 405, "Images are read with GET.", { Allow: "GET, HEAD" });
  if (!match) return answer(res, 404, "There is no image at this address.");
  const [, id, variant, ext] = match as unknown as [string, string, string, string];
  const key = `${id}/${variant}.${ext}`;
  const store = uploadStore();
  const cacheControl = "public, max-age=31536000, immutable";
  const direct = store.publicUrl(key);
  if (direct) return answer(res, 302, "", { Location: direct, "Cache-Control": cacheControl });
  const etag = `"${id}-${variant}"`;
  if (req.headers["if-none-match"] === etag) return answer(res, 304, "", { ETag: etag, "Cache-Control": cacheControl });
  let image;
  try {
    image = await store.open(key);
  } catch (err) {
    console.error(`Serving ${pathname} failed: ${(err as Error).message}`);
    return answer(res, 502, "The image store did not answer. Try again in a moment.");
  }
  if (!image) return answer(res, 404, "There is no image at this address.");
  res.statusCode = 200;
  res.setHeader("Content-Type", contentTypes[ext]!);
  res.setHeader("Content-Disposition", `inline; filename="${id}-${variant}.${ext}"`);
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("ETag", etag);
  if (image.length) res.setHeader("Content-Length", image.length);
  if (req.method === "HEAD") {
    image.body.destroy();
    res.end();
    return;
  }
  await pipeline(image.body, res).catch(() => res.destroy());
}

function answer(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!headers["Cache-Control"]) res.setHeader("Cache-Control", "no-store");
  if (!message) return void res.end();
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(message);
}
