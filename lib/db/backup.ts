/**
 * Backups of the embedded database, and the move of an embedded install onto a PostgreSQL
 * server (README "Backups"). A backup is PGlite's data directory as one gzipped tarball,
 * taken between two queries after a CHECKPOINT: what a restore opens is the database as of
 * that moment, every committed write in it (PostgreSQL replays its log on opening, as after a
 * power cut). While the forum runs it owns the data directory, so the backup is taken by the
 * forum itself, asked through its control socket (server/control-socket.ts).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "./data-dir-lock";

/**
 * Where the forum running on `dataDir` listens for backup requests: outside the data directory,
 * whose every file goes into the backup (and a socket cannot), and short, as socket paths must be.
 */
export const controlSocketPath = (dataDir: string) =>
  path.join(os.tmpdir(), `forum-control-${createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16)}.sock`);

/** Whether a directory already holds a database (PGlite writes PG_VERSION first). */
export const holdsDatabase = (dataDir: string) => fs.existsSync(path.join(dataDir, "PG_VERSION"));

/** Writes a backup of the embedded database in `dataDir` to `file`, running forum or not. Returns its size. */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number; via: "running forum" | "data directory" }> {
  if (!holdsDatabase(dataDir)) throw new Error(`${dataDir} holds no forum database.`);
  const partial = `${file}.partial`;
  try {
    let via: "running forum" | "data directory";
    if (fs.existsSync(controlSocketPath(dataDir)) && (await askRunningForum(dataDir, partial))) via = "running forum";
    else {
      const release = acquireDataDirLock(dataDir);
      try {
        const pglite = await PGlite.create(dataDir);
        try {
          await pglite.exec("CHECKPOINT");
          fs.writeFileSync(partial, Buffer.from(await (await pglite.dumpDataDir("gzip")).arrayBuffer()));
        } finally {
          await pglite.close();
        }
      } finally {
        release();
      }
      via = "data directory";
    }
    fs.renameSync(partial, file);
    return { bytes: fs.statSync(file).size, via };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Asks the forum running on `dataDir` for a backup, written to `file`. False when no forum
 * answers on the socket (a socket left by a forum that was killed).
 */
function askRunningForum(dataDir: string, file: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(controlSocketPath(dataDir));
    let header: Buffer = Buffer.alloc(0);
    let out: fs.WriteStream | null = null;
    let expected = 0;
    let received = 0;
    socket.on("error", (err: NodeJS.ErrnoException) => (out ? reject(err) : resolve(false)));
    socket.on("connect", () => socket.end(JSON.stringify({ command: "backup" }) + "\n"));
    socket.on("data", (chunk: Buffer) => {
      if (!out) {
        header = Buffer.concat([header, chunk]);
        const nl = header.indexOf(10);
        if (nl < 0) return;
        const reply = JSON.parse(header.subarray(0, nl).toString()) as { ok: boolean; bytes?: number; error?: string };
        if (!reply.ok) return reject(new Error(`The running forum could not take the backup: ${reply.error}`));
        expected = reply.bytes!;
        out = fs.createWriteStream(file);
        chunk = header.subarray(nl + 1);
      }
      received += chunk.length;
      out.write(chunk);
    });
    socket.on("end", () => {
      if (!out) return resolve(false);
      out.end(() => (received === expected ? resolve(true) : reject(new Error(`The backup arrived incomplete (${received} of ${expected} bytes).`))));
    });
  });
}

/** Opens a backup into a new data directory (refusing one that already holds a database). */
export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (holdsDatabase(dataDir)) throw new Error(`${dataDir} already holds a database: restore into a new directory (then point DATA_DIR at it, or move it into place with the forum stopped).`);
  const tarball = new Blob([fs.readFileSync(file)]);
  const release = acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(dataDir, { loadDataDir: tarball });
    try {
      await pglite.query("select count(*) from _prisma_migrations");
    } finally {
      await pglite.close();
    }
  } finally {
    // The tarball carries the lock file of the forum it was taken from, naming that process.
    fs.rmSync(path.join(dataDir, "forum.lock"), { force: true });
    release();
  }
}
