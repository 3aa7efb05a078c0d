/**
 * Members' images (lib/commands/upload-image.ts, lib/uploads/, server/uploads.ts): real PNG,
 * JPEG, WebP and GIF files made by sharp, their metadata gone once stored; every kind of bad
 * file refused with nothing left in the store or the database; the quota, the rate limit and
 * the points threshold; how the front door serves them; and the same store on an
 * S3-compatible server (s3rver, in process).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import type { Actor } from "../lib/commands/guard";
import { uploadImage } from "../lib/commands/upload-image";
import { db } from "../lib/db";
import { consume } from "../lib/rate-limit";
import { privileges, uploadLimits } from "../lib/rules";
import { createDiskStore, createS3Store, imageOrigin, readS3Config, uploadDirectory, useUploadStore, type UploadStore } from "../lib/uploads/storage";
import { frontDoor } from "../server/front-door";
import { closeTestDatabase, openTestDatabase, uniqueName } from "./helpers/db";
import { code } from "./helpers/errors";
import { member } from "./helpers/fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-uploads-test-"));
let server: http.Server;
let base = "";

before(async () => {
  await openTestDatabase();
  useUploadStore(createDiskStore(dir));
  const next = (_req: http.IncomingMessage, res: http.ServerResponse) => void res.end("next");
  server = http.createServer(frontDoor(next, next));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await closeTestDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function uploader(points = privileges.uploadImages, role: Actor["role"] = "MEMBER"): Promise<Actor> {
  const m = await member(role);
  if (points) await db.pointEvent.create({ data: { cause: "ADJUSTMENT", subject: uniqueName("adj"), seq: 0, userId: m.id, delta: points } });
  return { ...m, points };
}

const solid = (width: number, height: number, background = "#3a7bd5") => sharp({ create: { width, height, channels: 3, background } });

const images = {
  png: () => solid(300, 200).png().toBuffer(),
  // A photo as a phone writes it: camera, copyright and GPS position in its EXIF, turned on its side.
  jpeg: () =>
    solid(2000, 1000, "#d53a3a")
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: "PhoneCo", Copyright: "secret owner" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 24/1" } })
      .toBuffer(),
  webp: () => solid(640, 480, "#3ad57b").webp().withMetadata().toBuffer(),
  gif: async () => {
    const frames = await Promise.all(["#f00", "#0f0", "#00f"].map((c) => sharp({ create: { width: 40, height: 30, channels: 4, background: c } }).png().toBuffer()));
    return sharp(frames, { join: { animated: true } }).gif({ loop: 0, delay: 100 }).toBuffer();
  },
};

/** Every file in the store, as paths relative to its folder. */
function storedFiles(): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** A row standing for an earlier upload (its bytes are not in the store: the tests only count them). */
const earlierUpload = (ownerId: number, bytes: number) =>
  db.upload.create({ data: { id: randomBytes(16).toString("base64url"), ownerId, sha256: "0".repeat(64), bytes, width: 1, height: 1, displayWidth: 1, displayHeight: 1, mime: "image/png" } });

const rowsOf = (ownerId: number) => db.upload.count({ where: { ownerId } });

function keyOf(url: string): string {
  return url.replace(/^\/uploads\//, "");
}

describe("real images", () => {
  test("PNG, JPEG, WebP and animated GIF are kept re-encoded, recorded, and served from /uploads/", async () => {
    const actor = await uploader();
    for (const [kind, make] of Object.entries(images)) {
      const result = await uploadImage(actor, { bytes: await make(), name: `my ${kind}-file.${kind}` });
      const row = await db.upload.findUniqueOrThrow({ where: { id: result.id } });
      assert.equal(row.ownerId, actor.id);
      assert.match(row.sha256, /^[0-9a-f]{64}$/);
      const original = fs.readFileSync(path.join(dir, keyOf(result.originalUrl)));
      assert.equal(row.mime, `image/${kind}`);
      const meta = await sharp(original, { animated: true }).metadata();
      assert.equal(meta.format, kind);
      assert.match(result.markdown, /^(\[)?!\[my \w+ file\]\(\/uploads\/[A-Za-z0-9_-]{22}\/(display|original)\.(png|jpg|webp|gif)\)/);

      const res = await fetch(`${base}${result.url}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), row.mime);
      assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.match(res.headers.get("content-disposition") ?? "", /^inline; filename="[A-Za-z0-9_-]{22}-(display|original)\.(png|jpg|webp|gif)"$/);
      assert.match(res.headers.get("content-security-policy") ?? "", /sandbox/);
      assert.ok((await res.arrayBuffer()).byteLength > 0);
    }
  });

  test("a photo loses its EXIF and GPS, is turned upright, and gets a display copy 1280 px wide beside the original", async () => {
    const actor = await uploader();
    const sent = await images.jpeg();
    const sentMeta = await sharp(sent).metadata();
    assert.ok(sentMeta.exif && sentMeta.orientation === 6 && sent.includes(Buffer.from("secret owner")), "the test photo carries EXIF");
    const result = await uploadImage(actor, { bytes: sent, name: "IMG_0001.JPG" });
    const original = fs.readFileSync(path.join(dir, keyOf(result.originalUrl)));
    const display = fs.readFileSync(path.join(dir, keyOf(result.url)));
    for (const bytes of [original, display]) {
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.exif, undefined);
      assert.equal(meta.xmp, undefined);
      assert.equal(meta.icc, undefined);
      assert.equal(meta.orientation, undefined);
      assert.ok(!bytes.includes(Buffer.from("secret owner")) && !bytes.includes(Buffer.from("PhoneCo")));
    }
    // Orientation 6: the 2000 x 1000 sensor image stands 1000 wide and 2000 high.
    assert.deepEqual([(await sharp(original).metadata()).width, (await sharp(original).metadata()).height], [1000, 2000]);
    const row = await db.upload.findUniqueOrThrow({ where: { id: result.id } });
    assert.deepEqual([row.width, row.height, row.displayWidth, row.displayHeight], [1000, 2000, 1000, 2000]);
    assert.equal(result.url, result.originalUrl, "an image no wider than the display width is shown as it is");

    const wide = await uploadImage(actor, { bytes: await solid(3000, 1500).jpeg().toBuffer(), name: "wide.jpg" });
    assert.notEqual(wide.url, wide.originalUrl);
    assert.equal((await sharp(fs.readFileSync(path.join(dir, keyOf(wide.url)))).metadata()).width, uploadLimits.displayWidth);
    assert.equal((await sharp(fs.readFileSync(path.join(dir, keyOf(wide.originalUrl)))).metadata()).width, 3000);
    assert.equal(wide.markdown, `[![wide](${wide.url})](${wide.originalUrl})`);
    const wideRow = await db.upload.findUniqueOrThrow({ where: { id: wide.id } });
    assert.equal(wideRow.bytes, fs.statSync(path.join(dir, keyOf(wide.url))).size + fs.statSync(path.join(dir, keyOf(wide.originalUrl))).size);
  });

  test("an animated GIF keeps every frame", async () => {
    const result = await uploadImage(await uploader(), { bytes: await images.gif(), name: "blink.gif" });
    const meta = await sharp(fs.readFileSync(path.join(dir, keyOf(result.url))), { animated: true }).metadata();
    assert.equal(meta.pages, 3);
    assert.equal(meta.pageHeight, 30);
    const row = await db.upload.findUniqueOrThrow({ where: { id: result.id } });
    assert.deepEqual([row.width, row.height], [40, 30]);
  });
});

describe("bad files are refused, leaving nothing behind", () => {
  const png = () => images.png();
  const cases: [string, () => Promise<Buffer>, string, RegExp][] = [
    ["zero bytes", async () => Buffer.alloc(0), "BAD_INPUT", /empty/],
    ["HTML named cat.png", async () => Buffer.from("<!doctype html><html><script>alert(1)</script></html>"), "UNSUPPORTED_TYPE", /HTML/],
    ["HTML", async () => Buffer.from("<html><body><img src=x onerror=alert(1)></body></html>"), "UNSUPPORTED_TYPE", /HTML/],
    ["SVG", async () => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), "UNSUPPORTED_TYPE", /SVG/],
    ["a PDF named photo.jpg", async () => Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "UNSUPPORTED_TYPE", /not an image the forum takes/],
    ["a PNG signature over garbage", async () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]), "BAD_INPUT", /could not be read/],
    ["a GIF header over HTML (a polyglot)", async () => Buffer.from("GIF89a<html><script>alert(1)</script></html>"), "BAD_INPUT", /could not be read/],
    ["a truncated PNG", async () => (await png()).subarray(0, 120), "BAD_INPUT", /damaged or incomplete/],
    ["a truncated JPEG", async () => { const j = await solid(400, 300).jpeg().toBuffer(); return j.subarray(0, Math.floor(j.length * 0.6)); }, "BAD_INPUT", /damaged or incomplete/],
    ["a decompression bomb (15,000 x 15,000 PNG, under 1 MB)", () => solid(15_000, 15_000, "#ffffff").png({ compressionLevel: 9 }).toBuffer(), "TOO_LARGE", /too large in pixels/],
    ["a file over the size limit", async () => Buffer.concat([await png(), Buffer.alloc(uploadLimits.maxBytes)]), "TOO_LARGE", /up to 4 MB/],
  ];
  for (const [what, make, expected, message] of cases) {
    test(what, async () => {
      const actor = await uploader();
      const before = storedFiles();
      const bytes = await make();
      await assert.rejects(uploadImage(actor, { bytes, name: what.includes("cat.png") ? "cat.png" : "photo.jpg" }), (e: Error & { code?: string }) => {
        assert.equal(e.code, expected);
        assert.match(e.message, message);
        return true;
      });
      assert.equal(await rowsOf(actor.id), 0);
      assert.deepEqual(storedFiles(), before);
    });
  }
});

describe("limits", () => {
  test("members need the uploadImages points; moderators do not; signed-out and suspended members cannot", async () => {
    const bytes = await images.png();
    await assert.rejects(uploadImage(await uploader(privileges.uploadImages - 1), { bytes }), (e: Error & { code?: string }) => {
      assert.equal(e.code, "FORBIDDEN");
      assert.match(e.message, new RegExp(`You need ${privileges.uploadImages} points to add images`));
      return true;
    });
    await uploadImage(await uploader(privileges.uploadImages), { bytes });
    await uploadImage(await uploader(0, "MODERATOR"), { bytes });
    await assert.rejects(uploadImage(null, { bytes }), code("UNAUTHENTICATED"));
    const suspended = { ...(await uploader()), suspendedUntil: new Date(Date.now() + 86_400_000) };
    await assert.rejects(uploadImage(suspended, { bytes }), code("FORBIDDEN"));
  });

  test("the quota counts every variant stored; an upload past it is refused and leaves nothing", async () => {
    const actor = await uploader();
    const first = await uploadImage(actor, { bytes: await images.png() });
    const used = (await db.upload.findUniqueOrThrow({ where: { id: first.id } })).bytes;
    // Fill the rest of the quota but for a few bytes, as earlier uploads would.
    await earlierUpload(actor.id, uploadLimits.quotaBytes - used - 10);
    const before = storedFiles();
    await assert.rejects(uploadImage(actor, { bytes: await images.png() }), (e: Error & { code?: string }) => {
      assert.equal(e.code, "TOO_LARGE");
      assert.match(e.message, /more than your 50 MB of space/);
      return true;
    });
    assert.equal(await rowsOf(actor.id), 2);
    assert.deepEqual(storedFiles(), before);
  });

  test("two uploads at once into the quota's last bytes: one is kept, the other refused with its bytes taken away", async () => {
    const actor = await uploader();
    const bytes = await images.png();
    const probe = await uploadImage(await uploader(), { bytes });
    const size = (await db.upload.findUniqueOrThrow({ where: { id: probe.id } })).bytes;
    await earlierUpload(actor.id, uploadLimits.quotaBytes - size - Math.floor(size / 2));
    const before = storedFiles();
    const outcomes = await Promise.allSettled([uploadImage(actor, { bytes }), uploadImage(actor, { bytes })]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected")!;
    assert.equal((refused.reason as { code?: string }).code, "TOO_LARGE");
    const kept = outcomes.find((o) => o.status === "fulfilled")!.value;
    assert.deepEqual(storedFiles().filter((f) => !before.includes(f)), [keyOf(kept.url)].map((k) => path.join(...k.split("/"))));
    assert.equal(await rowsOf(actor.id), 2);
  });

  test("a member's uploads per hour are limited, refused files counted", async () => {
    const actor = await uploader();
    for (let i = 0; i < uploadLimits.perMemberPerHour - 1; i++) await consume(`upload:member:${actor.id}`, { limit: uploadLimits.perMemberPerHour, windowMs: 3600_000 });
    await uploadImage(actor, { bytes: await images.png() });
    await assert.rejects(uploadImage(actor, { bytes: await images.png() }), (e: Error & { code?: string; retryAfterSeconds?: number }) => {
      assert.equal(e.code, "RATE_LIMITED");
      assert.match(e.message, new RegExp(`${uploadLimits.perMemberPerHour} images an hour`));
      assert.ok((e.retryAfterSeconds ?? 0) > 0);
      return true;
    });
    assert.equal(await rowsOf(actor.id), 1);
  });

  test("the database refuses rows that break the upload's invariants", async () => {
    const actor = await uploader();
    const row = { id: "A".repeat(22), ownerId: actor.id, sha256: "a".repeat(64), bytes: 10, width: 10, height: 10, displayWidth: 10, displayHeight: 10, mime: "image/png" };
    for (const bad of [{ id: "../../etc/passwd" }, { sha256: "nope" }, { bytes: 0 }, { width: 0 }, { displayWidth: 11 }, { mime: "image/svg+xml" }, { mime: "text/html" }]) {
      await assert.rejects(db.upload.create({ data: { ...row, ...bad } }), /check|constraint/i, JSON.stringify(bad));
    }
  });
});

describe("serving", () => {
  test("unknown, malformed and non-image addresses are 404; writes are 405", async () => {
    for (const p of ["/uploads/AAAAAAAAAAAAAAAAAAAAAA/original.png", "/uploads/x/original.png", "/uploads/AAAAAAAAAAAAAAAAAAAAAA/original.svg", "/uploads/AAAAAAAAAAAAAAAAAAAAAA/original.html", "/uploads/..%2F..%2Fetc/passwd"]) {
      const res = await fetch(`${base}${p}`);
      assert.equal(res.status, 404, p);
      assert.match(res.headers.get("content-type") ?? "", /text\/plain/);
    }
    const put = await fetch(`${base}/uploads/AAAAAAAAAAAAAAAAAAAAAA/original.png`, { method: "DELETE" });
    assert.equal(put.status, 405);
  });

  test("the upload route takes bodies up to UPLOAD_MAX_BYTES, refusing larger ones by their length, unread", async () => {
    const send = (length: number, accept: string) =>
      new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
        const req = http.request(`${base}/api/uploads`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(length), accept } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text }));
        });
        req.on("error", reject);
        req.end(Buffer.alloc(Math.min(length, 1024)));
      });
    const json = await send(uploadLimits.maxBytes + 128 * 1024, "application/json");
    assert.equal(json.status, 413);
    assert.match(JSON.parse(json.text).error, /images can be up to 4 MB/);
    const page = await send(uploadLimits.maxBytes + 128 * 1024, "text/html");
    assert.equal(page.status, 413);
    assert.match(page.type, /text\/html/);
    // A file of 3 MB is far over what any other form may send, but reaches the upload route.
    const passes = await send(3 * 1024 * 1024, "application/json");
    assert.equal(passes.status, 200);
    assert.equal(passes.text, "next");
  });

  test("a second fetch with the ETag is answered 304", async () => {
    const result = await uploadImage(await uploader(), { bytes: await images.png() });
    const first = await fetch(`${base}${result.url}`);
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    const again = await fetch(`${base}${result.url}`, { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
  });
});

describe("an S3-compatible bucket", () => {
  test("is configured by all four variables or none; half a configuration names what is missing", () => {
    assert.equal(readS3Config({}), null);
    assert.throws(() => readS3Config({ S3_BUCKET: "images" }), /needs S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY too/);
    assert.throws(() => readS3Config({ S3_BUCKET: "b", S3_ENDPOINT: "minio:9000", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" }), /S3_ENDPOINT must be an http\(s\) URL/);
    const full = { S3_BUCKET: "b", S3_ENDPOINT: "http://minio:9000", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_PUBLIC_URL: "https://img.example.org/b/" };
    assert.deepEqual(readS3Config(full), { bucket: "b", endpoint: "http://minio:9000", accessKeyId: "k", secretAccessKey: "s", region: "us-east-1", publicUrl: "https://img.example.org/b/" });
    assert.equal(imageOrigin(full), "https://img.example.org");
    assert.equal(uploadDirectory({ DATA_DIR: "/srv/forum" }), "/srv/forum/uploads");
    assert.equal(uploadDirectory({ DATA_DIR: "/srv/forum", UPLOAD_DIR: "/mnt/images" }), "/mnt/images");
  });

  test("stores, serves and removes images; a refused upload leaves no object", async (t) => {
    let S3rver: typeof import("s3rver").default;
    try {
      S3rver = (await import("s3rver")).default;
    } catch {
      return t.skip("s3rver is not installed (npm install --include=dev): the S3 store was not tested");
    }
    const bucketDir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-s3-test-"));
    const s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: bucketDir, configureBuckets: [{ name: "forum-images", configs: [] }] });
    const { port } = (await s3.run()) as AddressInfo;
    const store: UploadStore = createS3Store({ bucket: "forum-images", endpoint: `http://127.0.0.1:${port}`, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1", publicUrl: null });
    const listKeys = async () => {
      const found: string[] = [];
      const walk = (d: string) => fs.existsSync(d) && fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : found.push(e.name)));
      walk(path.join(bucketDir, "forum-images"));
      return found.filter((n) => n.endsWith("._S3rver_object")).length;
    };
    useUploadStore(store);
    try {
      const actor = await uploader();
      const result = await uploadImage(actor, { bytes: await solid(2000, 500).webp().toBuffer(), name: "in the bucket.webp" });
      assert.equal(await listKeys(), 2);
      const res = await fetch(`${base}${result.url}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get("content-type"), "image/webp");
      assert.equal((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width, uploadLimits.displayWidth);
      await assert.rejects(uploadImage(actor, { bytes: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") }), code("UNSUPPORTED_TYPE"));
      await earlierUpload(actor.id, uploadLimits.quotaBytes);
      await assert.rejects(uploadImage(actor, { bytes: await images.png() }), code("TOO_LARGE"));
      assert.equal(await listKeys(), 2);
      await store.remove(keyOf(result.url));
      assert.equal(await store.open(keyOf(result.url)), null);
      assert.equal((await fetch(`${base}${result.url}`)).status, 404);
    } finally {
      useUploadStore(createDiskStore(dir));
      await s3.close();
      fs.rmSync(bucketDir, { recursive: true, force: true });
    }
  });
});
