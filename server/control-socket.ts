/**
 * The running forum's control socket, in its data directory (embedded database only): how
 * `npm run db -- backup` gets a consistent backup while the forum owns the data (lib/db/backup.ts).
 * A Unix socket readable by the data directory's owner alone: whoever may read the data files
 * may ask for a copy of them, and no one else can reach it. It also answers "memory": the
 * process's memory use, after a full collection when node runs with --expose-gc, which is how
 * the soak (reliability/soak.test.ts) tells a leak from a heap that has not been collected yet.
 */
import fs from "node:fs";
import net from "node:net";
import { dbHolder } from "../lib/db";
import { controlSocketPath } from "../lib/db/backup";

export function openControlSocket(dataDir: string): () => void {
  const socketPath = controlSocketPath(dataDir);
  fs.rmSync(socketPath, { force: true }); // left by a forum that was killed
  // Half-open: the request ends the client's side, and the answer still goes back.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let request = "";
    socket.on("error", () => {});
    socket.on("data", (d) => {
      request += d;
      if (request.length > 1_000) socket.destroy();
    });
    socket.on("end", () => void answer(socket, request));
  });
  // Made owner-only from its first moment (the umask), and said so again once bound.
  const old = process.umask(0o077);
  server.listen(socketPath, () => fs.chmodSync(socketPath, 0o600));
  process.umask(old);
  server.on("error", (err) => console.error(`Control socket ${socketPath}: ${err.message}`));
  return () => {
    server.close();
    fs.rmSync(socketPath, { force: true });
  };
}

async function answer(socket: net.Socket, request: string): Promise<void> {
  try {
    const { command } = JSON.parse(request) as { command?: string };
    if (command === "memory") {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      socket.end(JSON.stringify({ ok: true, collected: Boolean(gc), memory: process.memoryUsage() }) + "\n");
      return;
    }
    if (command !== "backup") throw new Error(`unknown command ${JSON.stringify(command)}`);
    const dump = dbHolder.__forumDb?.dump;
    if (!dump) throw new Error("this forum's database is not embedded");
    const bytes = Buffer.from(await (await dump()).arrayBuffer());
    socket.write(JSON.stringify({ ok: true, bytes: bytes.length }) + "\n");
    socket.end(bytes);
  } catch (err) {
    socket.end(JSON.stringify({ ok: false, error: err instanceof Error ? err.message : JSON.stringify(err) }) + "\n");
  }
}
