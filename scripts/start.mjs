// `npm start`: builds when the build is missing or older than the sources, then runs the
// forum's server as built (scripts/build-forum.mjs bundles server.ts). `--dev` runs Next's
// development mode instead, with server.ts from the sources and the browser parts built first.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dev = process.argv.includes("--dev");
const builtServer = path.join(root, process.env.NEXT_DIST_DIR || ".next", "forum", "server.mjs");

function newestSourceTime() {
  let newest = 0;
  const visit = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      if (p.endsWith(`${path.sep}generated`)) return;
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ["app", "components", "lib", "prisma", "server", "server.ts", "scripts/build.mjs", "scripts/build-forum.mjs", "next.config.js", "package-lock.json"]) visit(path.join(root, entry));
  return newest;
}

const build = (args) => execFileSync(process.execPath, ["scripts/build.mjs", ...args], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
if (dev) build(["--forum-only"]);
else {
  const built = fs.statSync(builtServer, { throwIfNoEntry: false });
  if (!built || built.mtimeMs < newestSourceTime()) {
    console.log("Building the forum (first start, or the sources changed)…");
    build([]);
  }
}

// The server-only modules it imports resolve, as in Next's server bundle, under react-server.
const args = dev ? ["--conditions=react-server", "--import", "tsx", "server.ts", "--dev"] : ["--conditions=react-server", builtServer];
const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: dev ? "development" : "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
