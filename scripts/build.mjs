// Generates the Prisma client and makes the production build of Next.js.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });

if (!fs.existsSync(new URL("../lib/generated/prisma/client.ts", import.meta.url))) run(["scripts/prisma-generate.mjs"]);
run(["node_modules/next/dist/bin/next", "build"]);
