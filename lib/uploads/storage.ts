/**
 * Where uploaded images' bytes live: a directory (DATA_DIR/uploads, or UPLOAD_DIR), or an
 * S3-compatible bucket when S3_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY
 * are set (requests signed by aws4fetch, path-style, so MinIO, Garage, R2 and AWS all work).
 * Keys are `<upload id>/<variant>.<ext>`; the database row (lib/commands/upload-image.ts) is
 * written after the bytes and names them, so a key with no row is at worst an orphan, never
 * an image someone can reach.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import { processState } from "../process-state";

export type StoredImage = { body: Readable; length: number };

export interface UploadStore {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  open(key: string): Promise<StoredImage | null>;
  remove(key: string): Promise<void>;
  /** Where browsers may fetch the object directly (S3_PUBLIC_URL), if anywhere. */
  publicUrl(key: string): string | null;
}

export type S3Config = { bucket: string; endpoint: string; accessKeyId: string; secretAccessKey: string; region: string; publicUrl: string | null };

const KEY = /^[A-Za-z0-9_-]{22}\/(original|display)\.(png|jpg|webp|gif)$/;

function checkedKey(key: string): string {
  // Keys are made by the forum; this keeps a bug from ever reaching outside the folder.
  if (!KEY.test(key)) throw new Error(`Not an upload key: ${key}`);
  return key;
}

export function createDiskStore(dir: string): UploadStore {
  const file = (key: string) => path.join(dir, ...checkedKey(key).split("/"));
  return {
    async put(key, body) {
      const target = file(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${target}.partial`;
      await fs.promises.writeFile(partial, body);
      await fs.promises.rename(partial, target);
    },
    async open(key) {
      const target = file(key);
      const stat = await fs.promises.stat(target).catch(() => null);
      if (!stat?.isFile()) return null;
      return { body: fs.createReadStream(target), length: stat.size };
    },
    async remove(key) {
      const target = file(key);
      await fs.promises.rm(target, { force: true });
      // The upload's folder goes with its last file.
      await fs.promises.rmdir(path.dirname(target)).catch(() => {});
    },
    publicUrl: () => null,
  };
}

export function createS3Store(config: S3Config): UploadStore {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, service: "s3", region: config.region });
  const objectUrl = (key: string) => `${config.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(config.bucket)}/${checkedKey(key)}`;
  const fail = async (what: string, res: Response) => {
    const text = await res.text().catch(() => "");
    return new Error(`S3 ${what} answered ${res.status}: ${text.slice(0, 200)}`);
  };
  return {
    async put(key, body, contentType) {
      const res = await client.fetch(objectUrl(key), {
        method: "PUT",
        body: new Uint8Array(body),
        headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=31536000, immutable" },
      });
      if (!res.ok) throw await fail("PUT", res);
    },
    async open(key) {
      const res = await client.fetch(objectUrl(key));
      if (res.status === 404) return null;
      if (!res.ok || !res.body) throw await fail("GET", res);
      return { body: Readable.fromWeb(res.body as import("node:stream/web").ReadableStream), length: Number(res.headers.get("content-length")) || 0 };
    },
    async remove(key) {
      const res = await client.fetch(objectUrl(key), { method: "DELETE" });
      if (!res.ok && res.status !== 404) throw await fail("DELETE", res);
    },
    publicUrl: (key) => (config.publicUrl ? `${config.publicUrl.replace(/\/+$/, "")}/${checkedKey(key)}` : null),
  };
}

const S3_VARIABLES = ["S3_BUCKET", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

/** The bucket named by the environment, null for none; half a configuration fails, naming what is missing. */
export function readS3Config(env: Record<string, string | undefined> = process.env): S3Config | null {
  const set = S3_VARIABLES.filter((name) => env[name]?.trim());
  if (set.length === 0) return null;
  const missing = S3_VARIABLES.filter((name) => !env[name]?.trim());
  if (missing.length) throw new Error(`Image storage in S3 needs ${missing.join(", ")} too (or unset ${set.join(", ")}).`);
  for (const name of ["S3_ENDPOINT", "S3_PUBLIC_URL"] as const) {
    const value = env[name]?.trim();
    if (value && !/^https?:\/\//.test(value)) throw new Error(`${name} must be an http(s) URL.`);
  }
  return {
    bucket: env.S3_BUCKET!.trim(),
    endpoint: env.S3_ENDPOINT!.trim(),
    accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim(),
    region: env.S3_REGION?.trim() || "us-east-1",
    publicUrl: env.S3_PUBLIC_URL?.trim() || null,
  };
}

export function uploadDirectory(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.UPLOAD_DIR?.trim() || path.join(env.DATA_DIR?.trim() || ".data", "uploads"));
}

const current = processState<{ store: UploadStore | null }>("upload-store", () => ({ store: null }));

/** The process's one store, made from the environment on first use. */
export function uploadStore(): UploadStore {
  if (!current.store) {
    const s3 = readS3Config();
    current.store = s3 ? createS3Store(s3) : createDiskStore(uploadDirectory());
  }
  return current.store;
}

/** Puts another store in place (tests, and tools that move images between stores). */
export function useUploadStore(store: UploadStore): void {
  current.store = store;
}

/** The origin browsers load images from besides the forum's own, for the CSP's img-src. */
export function imageOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.S3_PUBLIC_URL?.trim();
  return url && URL.canParse(url) ? new URL(url).origin : null;
}

/** Where images are kept, for the start-up log; a half-set S3 configuration stops start-up here. */
export function describeUploadStorage(env: Record<string, string | undefined> = process.env): string {
  const s3 = readS3Config(env);
  return s3 ? `in the S3 bucket ${s3.bucket} at ${s3.endpoint}` : `in ${uploadDirectory(env)}`;
}
