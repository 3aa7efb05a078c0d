import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { uploadPath } from "../paths";
import { consume, describeWait } from "../rate-limit";
import { uploadLimits } from "../rules";
import { checkWriteRate } from "../trust";
import { prepareImage } from "../uploads/prepare-image";
import { uploadStore } from "../uploads/storage";
import { requireMember, requirePrivilege, type Actor } from "./guard";

export type UploadedImage = {
  id: string;
  /** The address posts show: the display copy, or the original when it is small enough. */
  url: string;
  originalUrl: string;
  width: number;
  height: number;
  bytes: number;
  /** What the editor inserts. */
  markdown: string;
};

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;

/** Alt text from the file's name ("network-diagram_v2.png" -> "network diagram v2"): a start the author can improve. */
export function altFromFileName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim().slice(0, 80).trim();
  return base || "image";
}

/**
 * Takes one image from a member: checks who may upload and how often, checks and re-encodes the
 * file (lib/uploads/prepare-image.ts), keeps its bytes, then records it within the member's
 * quota. The quota is checked with the member's row locked, so two uploads at once cannot both
 * fit in the last megabytes. Whatever is refused after the bytes were written takes them away
 * again: a refused upload leaves nothing in the store or the database.
 */
export async function uploadImage(actorOrNull: Actor | null, file: { bytes: Buffer; name?: string }): Promise<UploadedImage> {
  const actor = requireMember(actorOrNull);
  requirePrivilege(actor, "uploadImages", "add images");
  await checkWriteRate(actor);
  // Counted before the file is looked at: decoding costs CPU whether or not it succeeds.
  const verdict = await consume(`upload:member:${actor.id}`, { limit: uploadLimits.perMemberPerHour, windowMs: 3600_000 });
  if (!verdict.ok) throw new AppError("RATE_LIMITED", `You can add ${uploadLimits.perMemberPerHour} images an hour. Try again in ${describeWait(verdict.retryAfterSeconds)}.`, {}, verdict.retryAfterSeconds);

  const image = await prepareImage(file.bytes);
  const bytes = image.original.length + (image.display?.length ?? 0);
  await checkQuota(bytes, await usedBytes(actor.id));

  const id = randomBytes(16).toString("base64url");
  const store = uploadStore();
  const keys: string[] = [];
  try {
    keys.push(`${id}/original.${image.ext}`);
    await store.put(keys[0]!, image.original, image.mime);
    if (image.display) {
      keys.push(`${id}/display.${image.ext}`);
      await store.put(keys[1]!, image.display, image.mime);
    }
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${actor.id} FOR UPDATE`;
      await checkQuota(bytes, await usedBytes(actor.id, tx));
      await tx.upload.create({
        data: { id, ownerId: actor.id, sha256: image.sha256, bytes, width: image.width, height: image.height, displayWidth: image.displayWidth, displayHeight: image.displayHeight, mime: image.mime },
      });
    });
  } catch (e) {
    await Promise.all(keys.map((key) => store.remove(key).catch(() => {})));
    throw e;
  }

  const originalUrl = uploadPath(id, "original", image.ext);
  const url = image.display ? uploadPath(id, "display", image.ext) : originalUrl;
  const alt = altFromFileName(file.name ?? "");
  // A shrunk image links to its original, as readers expect of a screenshot they cannot read.
  const markdown = image.display ? `[![${alt}](${url})](${originalUrl})` : `![${alt}](${url})`;
  return { id, url, originalUrl, width: image.displayWidth, height: image.displayHeight, bytes, markdown };
}

async function usedBytes(ownerId: number, client: Pick<typeof db, "upload"> = db): Promise<number> {
  const { _sum } = await client.upload.aggregate({ where: { ownerId }, _sum: { bytes: true } });
  return _sum.bytes ?? 0;
}

async function checkQuota(adding: number, used: number): Promise<void> {
  if (used + adding <= uploadLimits.quotaBytes) return;
  throw new AppError("TOO_LARGE", `Your images would take more than your ${megabytes(uploadLimits.quotaBytes)} of space (${megabytes(used)} used). This one needs ${megabytes(adding)}.`);
}
