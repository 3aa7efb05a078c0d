// The forum's own build, beside Next's in its build directory (`.next/forum/`, or under
// NEXT_DIST_DIR): what Next does not build, built once here rather than on a first request.
//   server.mjs            server.ts bundled (the process: database, front door, thread pages)
//   markdown-worker.mjs   the Markdown worker threads' entry (lib/markdown/worker.ts)
//   study-pdf-worker.mjs  the study sheet PDF worker's entry (lib/study/pdf/worker.ts)
//   public/               the thread page's scripts, the study quiz's and the site's stylesheet, named by content
//   assets.json           their public paths, read by lib/assets.ts
// Packages stay in node_modules (external); only the forum's own sources are bundled.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

// lib/assets.ts finds it in the same place at run time.
const forumBuildDir = (distDir = process.env.NEXT_DIST_DIR || ".next") => path.join(root, distDir, "forum");

/** Bundles one browser entry and writes it as `<name>.<hash><ext>`; returns its public path. */
async function buildPublic(entry, name, ext, options, outDir) {
  const { outputFiles } = await build({ entryPoints: [path.join(root, entry)], bundle: true, minify: true, write: false, logLevel: "warning", ...options });
  const body = outputFiles.find((f) => f.path.endsWith(ext))?.contents ?? outputFiles[0].contents;
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 12);
  const file = `${name}.${hash}${ext}`;
  fs.writeFileSync(path.join(outDir, file), body);
  return `/_forum/${file}`;
}

export async function buildForum({ distDir, withServer = true } = {}) {
  const out = forumBuildDir(distDir);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, "public"), { recursive: true });
  const assets = {
    script: await buildPublic("lib/enhance/thread-page.ts", "thread-page", ".js", { format: "iife", target: "es2020" }, path.join(out, "public")),
    // Signed-out readers' thread page: live updates alone (members' script has them too).
    liveScript: await buildPublic("lib/enhance/live-entry.ts", "live-thread", ".js", { format: "iife", target: "es2020" }, path.join(out, "public")),
    quizScript: await buildPublic("lib/enhance/study-quiz.ts", "study-quiz", ".js", { format: "iife", target: "es2020" }, path.join(out, "public")),
    stylesheet: await buildPublic("app/globals.css", "forum", ".css", { loader: { ".css": "css" }, target: ["chrome100", "firefox100", "safari15"] }, path.join(out, "public")),
  };
  fs.writeFileSync(path.join(out, "assets.json"), `${JSON.stringify(assets, null, 2)}\n`);
  if (withServer) {
    await build({
      absWorkingDir: root,
      entryPoints: { server: "server.ts", "markdown-worker": "lib/markdown/worker.ts", "study-pdf-worker": "lib/study/pdf/worker.ts" },
      outdir: out,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      // As the server runs: the server-only modules resolve to nothing on this side.
      conditions: ["react-server"],
      sourcemap: "linked",
      logLevel: "warning",
    });
  }
  return assets;
}
