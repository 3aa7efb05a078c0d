import { ImageUploadPage, type UploadOutcome } from "@/components/html/image-upload-page";
import { forumAssets } from "@/lib/assets";
import { getCurrentUser } from "@/lib/auth/current-user";
import { uploadImage } from "@/lib/commands/upload-image";
import { httpStatusOf, isAppError } from "@/lib/errors";
import { fromThisSite } from "@/lib/request";
import { tooManyBytes } from "@/lib/uploads/prepare-image";
import { uploadLimits } from "@/lib/rules";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * One image, posted as the multipart field `image`: by the editor's script (Accept:
 * application/json), answered with its address and the Markdown to insert; or by the upload
 * page's plain form (app/images/new), answered with that page showing the Markdown to copy.
 * Refusals say why, with 400 (unreadable, empty), 413 (too large, over quota), 415 (not an
 * image the forum takes), 403 (too few points) or 429.
 */
export async function POST(request: Request): Promise<Response> {
  const wantsJson = /\bapplication\/json\b/.test(request.headers.get("accept") ?? "");
  const user = await getCurrentUser().catch(() => null);
  const respond = async (status: number, outcome: Exclude<UploadOutcome, null>, extra: Record<string, unknown> = {}, retryAfterSeconds?: number) => {
    const headers: Record<string, string> = { ...noStore, ...(retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {}) };
    if (wantsJson) return Response.json({ ...outcome, ...extra }, { status, headers });
    const page = await ImageUploadPage({ outcome, assets: forumAssets(), member: user });
    return new Response(String(page), { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  };
  if (!fromThisSite(request)) return respond(403, { error: "Cross-site requests are refused." });
  const form = await request.formData().catch(() => null);
  const file = form?.get("image");
  if (!(file instanceof File)) return respond(400, { error: "Choose an image file to upload (the form field is \"image\")." });
  if (file.size > uploadLimits.maxBytes) return respond(413, { error: tooManyBytes().message });
  try {
    const image = await uploadImage(user, { bytes: Buffer.from(await file.arrayBuffer()), name: file.name });
    const { markdown, url, originalUrl, width, height, id } = image;
    return respond(201, { markdown, url }, { id, originalUrl, width, height });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return respond(httpStatusOf[e.code], { error: e.message }, {}, e.retryAfterSeconds);
  }
}
