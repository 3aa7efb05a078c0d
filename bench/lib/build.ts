/**
 * The production build the benchmark measures, in .next-bench so it never touches the app's
 * own .next: `npm run build`'s own script (scripts/build.mjs), so Next's build and the forum's
 * beside it (.next-bench/forum: the bundled server, the Markdown worker, the thread script)
 * are the ones `npm start` runs. Next adds `.next-bench/types` entries to tsconfig.json while
 * building; they are taken out again afterwards so the benchmark leaves the repo as it found it.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
export const DIST_DIR = ".next-bench";
/** The built server, started as `node --conditions=react-server <this>` with cwd = repo root. */
export const BUILT_SERVER = path.join(root, DIST_DIR, "forum", "server.mjs");
/** How the harness starts the forum as built (scripts/start.mjs does the same). */
export const BUILT_SERVER_ARGS = ["--conditions=react-server", BUILT_SERVER];

function restoreTsconfig(before: string): void {
  const file = path.join(root, "tsconfig.json");
  const now = fs.readFileSync(file, "utf8");
  if (now === before) return;
  const added = (JSON.parse(now).include as string[]).filter((p) => !(JSON.parse(before).include as string[]).includes(p));
  // Only undo what the build did: someone else's edit to tsconfig.json stays.
  if (added.length > 0 && added.every((p) => p.startsWith(`${DIST_DIR}/`))) fs.writeFileSync(file, before);
}

export async function buildApp(log: (s: string) => void, attempts = 3): Promise<void> {
  const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"), "utf8");
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    try {
      await run(process.execPath, ["scripts/build.mjs"], {
        cwd: root,
        env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
        maxBuffer: 64 * 1024 * 1024,
      });
      log(`Built into ${DIST_DIR} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
      break;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      const output = `${e.stdout ?? ""}\n${e.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
      // Other people edit the app while the benchmark runs: a half-written file fails the
      // build for a minute, so wait and try again before giving up.
      if (attempt >= attempts) throw new Error(`The build failed ${attempts} times:\n${output}`);
      log(`The build failed (attempt ${attempt}); retrying in 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 60_000));
    } finally {
      restoreTsconfig(tsconfig);
    }
  }
  assertBuilt();
}

/** For --no-build as after a build: the forum's own server must be there to start. */
export function assertBuilt(): void {
  if (!fs.existsSync(BUILT_SERVER)) throw new Error(`No ${path.relative(root, BUILT_SERVER)}: run once without --no-build (the build writes it with scripts/build.mjs).`);
}
