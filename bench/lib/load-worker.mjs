// The load generator's side of the harness, run pinned to its own core by bench/lib/cannon.ts:
//   node bench/lib/load-worker.mjs <config.json>
// mode "cannon": autocannon's API with requests that rotate paths, cookies and bodies (several
// members posting to many questions); mode "sequence": one request at a time, each timed.
// Prints one JSON result on stdout.
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const autocannon = require("autocannon");
const cfg = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

function rotating(spec) {
  let n = 0;
  const setupRequest = (req) => {
    const i = n++;
    const headers = { ...req.headers };
    if (spec.cookies?.length) {
      const member = i % spec.cookies.length;
      headers.cookie = spec.cookies[member];
      // Each member posts from an address of their own (the server trusts X-Forwarded-For).
      headers["x-forwarded-for"] = `10.${(member >> 16) & 255}.${(member >> 8) & 255}.${member & 255}`;
    }
    const out = { ...req, headers };
    if (spec.paths?.length) out.path = spec.paths[i % spec.paths.length];
    if (spec.answerBodies) out.body = JSON.stringify({ body: `Measured answer ${i}: ${spec.answerBodies[i % spec.answerBodies.length]}` });
    return out;
  };
  const request = { ...spec };
  delete request.cookies;
  delete request.paths;
  delete request.answerBodies;
  return spec.cookies || spec.paths || spec.answerBodies ? { ...request, setupRequest } : request;
}

async function cannon() {
  const result = await autocannon({
    url: cfg.url,
    connections: cfg.connections,
    duration: cfg.duration,
    ...(cfg.overallRate ? { overallRate: cfg.overallRate } : {}),
    requests: cfg.requests.map(rotating),
  });
  return result;
}

async function sequence() {
  const times = [];
  let errors = 0;
  const deadline = performance.now() + (cfg.budgetMs ?? Infinity);
  for (const path of cfg.paths) {
    // A slow search would take hours over 200 queries: stop at the budget, report what ran.
    if (performance.now() > deadline && times.length >= 10) break;
    const t0 = performance.now();
    const res = await fetch(new URL(path, cfg.url), { headers: cfg.headers ?? {} });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) errors++;
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { count: times.length, errors, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times.at(-1) ?? 0 };
}

const out = cfg.mode === "sequence" ? await sequence() : await cannon();
process.stdout.write(JSON.stringify(out));
