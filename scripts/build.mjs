// `npm run build`: generates the Prisma client, makes Next's production build, then builds the
// forum's own parts beside it (scripts/build-forum.mjs). `--forum-only` builds only the browser
// parts (`npm run dev`: Next builds as it goes, and server.ts runs from the sources).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { buildForum } from "./build-forum.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

if (!fs.existsSync(new URL("../lib/generated/prisma/client.ts", import.meta.url))) run(["scripts/prisma-generate.mjs"]);
// Next empties its build directory first, so the forum's parts are built after it.
const forumOnly = process.argv.includes("--forum-only");
if (!forumOnly) run(["node_modules/next/dist/bin/next", "build"]);
await buildForum({ withServer: !forumOnly });
