// The load generator's side of the harness, run pinned to its own core by bench/lib/cannon.ts:
//   node bench/lib/load-worker.mjs <config.json>
// mode "cannon": autocannon's API with requests that rotate paths, cookies and bodies (several
// members posting to many questions); mode "paced": the same requests sent at a steady rate;
// mode "sequence": one request at a time, each timed; mode "previews": a steady read load while
// previews of hostile Markdown are sent one at a time.
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

/**
 * Requests at an even pace, one every 1000/rate ms whether or not earlier ones have finished
 * (an open loop, as independent members arrive), each timed from when it was due, so a slow
 * server cannot hide its queue by delaying the sends. autocannon's overallRate is not that: each
 * connection sends its share of the second at once and waits for the next second, so "50/s"
 * arrives as a burst of 50 every second, and its p99 is the time to serve the whole burst.
 * Reports in autocannon's shape.
 */
async function paced() {
  const spec = rotating(cfg.requests[0]);
  const gap = 1000 / cfg.rate;
  const count = Math.round(cfg.rate * cfg.duration);
  const latencies = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const start = performance.now() + 50;
  const sends = Array.from({ length: count }, (_, i) => {
    const due = start + i * gap;
    return new Promise((resolve) => {
      setTimeout(async () => {
        const req = spec.setupRequest ? spec.setupRequest({ ...spec }) : spec;
        try {
          const res = await fetch(new URL(req.path, cfg.url), { method: req.method ?? "GET", headers: req.headers, body: req.body });
          await res.arrayBuffer();
          if (res.status >= 200 && res.status < 300) ok++;
          else non2xx++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - due);
        resolve();
      }, Math.max(0, due - performance.now()));
    });
  });
  await Promise.all(sends);
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
  return { requests: { average: count / seconds, total: count }, latency: { p50: at(0.5), p99: at(0.99) }, errors, timeouts: 0, non2xx, "2xx": ok, duration: seconds };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function preview(markdown) {
  const start = performance.now();
  const res = await fetch(new URL("/api/preview", cfg.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ markdown }) });
  const text = await res.text();
  const end = performance.now();
  let reason;
  try {
    reason = res.ok ? undefined : JSON.parse(text).error;
  } catch {
    reason = text.slice(0, 120);
  }
  return { status: res.status, ms: end - start, start, end, reason };
}

/**
 * Readers on one page (autocannon, a closed loop of `connections`), each response's time kept
 * with when it ended; after the warm-up, a quiet stretch gives the readers' figures without
 * previews; then each hostile preview, followed at once by a plain one (which waits for a fresh
 * worker when the hostile one cost its worker its life), then a pause. The readers' figures for
 * a preview are those of the responses that ended between its sending and the plain one's answer.
 */
async function previews() {
  const reads = [];
  const instance = autocannon({ url: new URL(cfg.readPath, cfg.url).href, connections: cfg.connections, duration: 3600 });
  instance.on("response", (_client, status, _bytes, ms) => reads.push({ end: performance.now(), ms, ok: status >= 200 && status < 300 }));
  // The preview route's first requests after a start load its code, which a server in use has
  // long done: a few plain previews during the warm-up, so the first hostile one is not charged.
  const warmedBy = performance.now() + cfg.warmupMs;
  for (let i = 0; i < 3; i++) await preview(cfg.plainMarkdown);
  await sleep(warmedBy - performance.now());
  const quietFrom = performance.now();
  await sleep(cfg.quietMs);
  const quiet = [quietFrom, performance.now()];
  const sent = [];
  for (const p of cfg.previews) {
    const hostile = await preview(p.markdown);
    const plain = await preview(cfg.plainMarkdown);
    sent.push({ label: p.label, chars: p.markdown.length, status: hostile.status, ms: hostile.ms, reason: hostile.reason, plainStatus: plain.status, plainMs: plain.ms, window: [hostile.start, plain.end] });
    await sleep(cfg.gapMs);
  }
  instance.stop();
  await instance;
  const readers = ([from, to]) => {
    const within = reads.filter((r) => r.end >= from && r.end <= to);
    const times = within.map((r) => r.ms).sort((a, b) => a - b);
    return { count: within.length, errors: within.filter((r) => !r.ok).length, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  };
  return { without: readers(quiet), previews: sent.map(({ window, ...p }) => ({ ...p, readers: readers(window) })) };
}

const modes = { sequence, paced, previews, cannon };
const out = await (modes[cfg.mode] ?? cannon)();
process.stdout.write(JSON.stringify(out));
