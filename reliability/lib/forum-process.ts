/**
 * The forum as `npm start` runs it (the build in .next/forum/server.mjs), started and stopped by
 * the reliability suites: with its own port, data directory or PostgreSQL database, and its
 * log kept for when something fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { controlSocketPath } from "../../lib/db/backup";

export const root = path.resolve(import.meta.dirname, "..", "..");
const builtServer = path.join(root, process.env.NEXT_DIST_DIR || ".next", "forum", "server.mjs");

export type Forum = { url: string; child: ChildProcess; log: () => string; pid: number };

export function assertBuilt(): void {
  if (!fs.existsSync(builtServer)) throw new Error(`No build at ${builtServer}: run \`npm run build\` first (npm run test:reliability does).`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the built server and waits until it answers; `env` names the database (DATA_DIR or DATABASE_URL). */
export async function startForum(env: Record<string, string>, timeoutMs = 180_000, nodeArgs: string[] = []): Promise<Forum> {
  assertBuilt();
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, [...nodeArgs, "--conditions=react-server", builtServer], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", SIGNUPS_PER_HOUR: "100000", POSTS_PER_MINUTE: "100000", ...env, PORT: port },
  });
  let log = "";
  child.stdout!.on("data", (d) => (log = (log + d).slice(-20_000)));
  child.stderr!.on("data", (d) => (log = (log + d).slice(-20_000)));
  const forum: Forum = { url: `http://127.0.0.1:${port}`, child, log: () => log, pid: child.pid! };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`The forum exited during start-up:\n${log}`);
    try {
      const res = await fetch(`${forum.url}/`, { signal: AbortSignal.timeout(5_000) });
      if (res.status < 500) return forum;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`The forum did not answer within ${timeoutMs} ms:\n${log}`);
}

export function exited(forum: Forum): Promise<void> {
  if (forum.child.exitCode !== null || forum.child.signalCode) return Promise.resolve();
  return new Promise((r) => forum.child.once("exit", () => r()));
}

/** A clean stop (SIGTERM: the server flushes and closes the database). */
export async function stopForum(forum: Forum): Promise<void> {
  forum.child.kill("SIGTERM");
  await exited(forum);
}

/** The power cord: SIGKILL, nothing flushed, nothing closed. */
export async function killForum(forum: Forum): Promise<void> {
  forum.child.kill("SIGKILL");
  await exited(forum);
}

/**
 * The memory of the forum running on the embedded database in `dataDir`, asked through its
 * control socket: after a full collection when it was started with --expose-gc.
 */
export function forumMemory(dataDir: string): Promise<{ collected: boolean; memory: NodeJS.MemoryUsage }> {
  return new Promise((resolve, reject) => {
    let reply = "";
    const socket = net.connect(controlSocketPath(dataDir));
    socket.on("error", reject);
    socket.on("connect", () => socket.end(JSON.stringify({ command: "memory" }) + "\n"));
    socket.on("data", (d) => (reply += d));
    socket.on("end", () => {
      const answer = JSON.parse(reply) as { ok: boolean; error?: string; collected: boolean; memory: NodeJS.MemoryUsage };
      if (answer.ok) resolve(answer);
      else reject(new Error(answer.error));
    });
  });
}
