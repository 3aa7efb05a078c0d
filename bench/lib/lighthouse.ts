/**
 * Lighthouse against the thread page, when `lighthouse@12` is installed: Debian's Chromium,
 * desktop preset, median of 3 runs. A dev dependency only: without it (or Chromium) it says so.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { median } from "./median";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "node_modules/lighthouse/cli/index.js");
const chromeFlags = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";

export type LighthouseResult = { performance: number; lcpMs: number; cls: number } | { skipped: string };

export async function runLighthouse(url: string, dir: string, runs = 3): Promise<LighthouseResult> {
  if (!fs.existsSync(cli)) return { skipped: "Lighthouse: not installed here (npm i -D lighthouse@12 to enable)" };
  const chrome = process.env.CHROME_PATH || "/usr/bin/chromium";
  if (!fs.existsSync(chrome)) return { skipped: `Lighthouse: no Chromium at ${chrome} (set CHROME_PATH)` };
  const scores: { performance: number; lcpMs: number; cls: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const out = path.join(dir, `lighthouse-${i}.json`);
    await run(process.execPath, [cli, url, "--preset=desktop", "--only-categories=performance", `--chrome-flags=${chromeFlags}`, "--output=json", `--output-path=${out}`, "--quiet"], {
      cwd: root,
      env: { ...process.env, CHROME_PATH: chrome },
      timeout: 180_000,
    });
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    scores.push({
      performance: Math.round(report.categories.performance.score * 100),
      lcpMs: report.audits["largest-contentful-paint"].numericValue,
      cls: report.audits["cumulative-layout-shift"].numericValue,
    });
  }
  return { performance: median(scores.map((s) => s.performance)), lcpMs: median(scores.map((s) => s.lcpMs)), cls: median(scores.map((s) => s.cls)) };
}
