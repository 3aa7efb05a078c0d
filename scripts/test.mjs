// `npm test`: every test, on the embedded database and on PostgreSQL.
//   1. unit and server-action tests (node:test), once per database;
//   2. a production build, then the Playwright suite against `server.ts`, once per database;
//      on PostgreSQL with two app servers sharing Redis (REDIS_URL, TEST_REDIS_URL to override);
//   3. the reliability and security suites (reliability/, security/) against that build, quick.
// `--reliability` (npm run test:reliability) builds and runs only the reliability suites, long:
// many more kills, and the soak test. `--security` (npm run test:security) builds and runs only
// the security suites (security/), with the whole hostile corpus (SECURITY_FULL_CORPUS=1).
// PostgreSQL: TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), where a
// fresh database is created for the run and dropped after. Without a reachable server the
// PostgreSQL half is skipped with a warning, except on CI (CI=true), where it is required.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./chromium-path.mjs";
import { createFreshDatabase as createFreshDatabaseAt } from "./fresh-database.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = new Set(process.argv.slice(2));
const securityOnly = args.has("--security");
const reliabilityOnly = args.has("--reliability") || securityOnly;
const runUnit = !args.has("--e2e") && !reliabilityOnly;
const runE2e = !args.has("--unit") && !reliabilityOnly;
const runReliability = reliabilityOnly || runE2e;
const adminUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const results = [];
const STAFF_PASSWORD = "staff passphrase for e2e";

/** A fresh database for one half of the run (scripts/fresh-database.mjs), or null without a server. */
const createFreshDatabase = () =>
  createFreshDatabaseAt(adminUrl, "forum_test", (err) => console.warn(`\n!! PostgreSQL is not reachable at ${adminUrl} (${err.message}): skipping the PostgreSQL runs.\n`));

function run(label, command, commandArgs, env) {
  return new Promise((resolve) => {
    console.log(`\n=== ${label}`);
    const child = spawn(command, commandArgs, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
    child.on("exit", (code) => {
      results.push({ label, ok: code === 0 });
      resolve(code === 0);
    });
  });
}

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => path.join(dir, f))
    .sort();
}

async function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the forum server exited during start-up");
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the forum server did not answer at ${url}`);
}

function startServer(env) {
  // The server as `npm start` runs it: built by scripts/build.mjs, which the e2e run calls first.
  const child = spawn(process.execPath, ["--conditions=react-server", path.join(root, ".next", "forum", "server.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const server = { child, log: "", url: `http://127.0.0.1:${env.PORT}` };
  child.stdout.on("data", (d) => (server.log += d));
  child.stderr.on("data", (d) => (server.log += d));
  return server;
}

async function stopServer(server) {
  if (server.child.exitCode !== null) return;
  server.child.kill("SIGTERM");
  await new Promise((r) => server.child.once("exit", r));
}

/**
 * The Playwright suite against one server, or (`scaleOut`) against two app servers sharing the
 * database and Redis, as a deployment behind a load balancer would run: the second one serves
 * e2e/scale-out.spec.ts and keeps cached pages for minutes, so only the invalidations it hears
 * through Redis can make it show a write made on the first.
 */
async function runE2eAgainst(label, dbEnv, scaleOut = null) {
  const env = { ...process.env, ...dbEnv, ...(scaleOut?.env ?? {}), PORT: String(await freePort()), HOST: "127.0.0.1", NODE_ENV: "production", PAGE_CACHE_TTL_SECONDS: "2", SIGNUPS_PER_HOUR: "1000", POSTS_PER_MINUTE: "5000", NEXT_TELEMETRY_DISABLED: "1",
    // Every browser of the suite comes from this one address, pages of earlier specs still open.
    LIVE_STREAMS_PER_ADDRESS: "10000" };
  // The staff accounts the moderation specs log in with, made the way an operator would.
  for (const [username, role] of [["e2emod", "moderator"], ["e2eadmin", "admin"]]) {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/user.ts", "create", "--username", username, "--email", `${username}@example.test`, "--password", STAFF_PASSWORD, "--role", role], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  }
  const servers = [];
  try {
    servers.push(startServer(env));
    await waitForServer(`${servers[0].url}/`, servers[0].child);
    if (scaleOut) {
      servers.push(startServer({ ...env, PORT: String(await freePort()), PAGE_CACHE_TTL_SECONDS: "600" }));
      await waitForServer(`${servers[1].url}/`, servers[1].child);
    }
    const ok = await run(`Playwright, ${label}`, process.execPath, ["node_modules/@playwright/test/cli.js", "test"], { BASE_URL: servers[0].url, SECOND_BASE_URL: servers[1]?.url ?? "", E2E_STAFF_PASSWORD: STAFF_PASSWORD });
    if (!ok) for (const s of servers) console.log(`--- server log (${label}, ${s.url}) ---\n${s.log.slice(-5000)}`);
  } catch (err) {
    results.push({ label: `Playwright, ${label}`, ok: false });
    console.error(`${label}: ${err.message}`);
    for (const s of servers) console.error(`--- server log (${s.url}) ---\n${s.log.slice(-5000)}`);
  } finally {
    for (const s of servers) await stopServer(s);
  }
}

/** Redis for the two-server run: required on CI, skipped with a warning where there is none. */
async function redisForScaleOut() {
  const url = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
  const { hostname, port } = new URL(url);
  const reachable = await new Promise((resolve) => {
    const socket = net.connect(Number(port || 6379), hostname, () => (socket.end(), resolve(true)));
    socket.on("error", () => resolve(false));
    socket.setTimeout(2000, () => (socket.destroy(), resolve(false)));
  });
  if (!reachable) {
    if (process.env.CI) throw new Error(`Redis is required on CI but unreachable at ${url}`);
    console.warn(`\n!! Redis is not reachable at ${url}: the PostgreSQL browser run uses one server without Redis.\n`);
    return null;
  }
  return { env: { REDIS_URL: url, REDIS_PREFIX: `forum-e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}:` } };
}

async function main() {
  if (runE2e && !chromiumPath()) {
    console.error(
      "Chromium was not found (looked at $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser).\n" +
        "Install it with `sudo apt-get install chromium` (Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium binary.",
    );
    process.exit(1);
  }
  // One fresh database for the node tests and another for the browser run, so that the
  // server's first start meets an empty database as a real first start would.
  const pgdb = runUnit ? await createFreshDatabase() : null;
  const pgE2e = runE2e ? await createFreshDatabase() : null;
  const pgReachable = Boolean(pgdb || pgE2e) || reliabilityOnly;
  try {
    if (runUnit) {
      const files = testFiles(path.join(root, "tests"));
      const nodeArgs = ["--conditions=react-server", "--import", "tsx", "--import", "./tests/helpers/css-modules.mjs", "--test", "--test-concurrency=2", ...files];
      await run("unit and action tests, embedded PostgreSQL", process.execPath, nodeArgs, { TEST_DATABASE_URL: "" });
      if (pgdb) await run("unit and action tests, PostgreSQL", process.execPath, nodeArgs, { TEST_DATABASE_URL: pgdb.url });
    }
    if (runE2e) {
      execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "forum-e2e-"));
      await runE2eAgainst("embedded PostgreSQL", { DATA_DIR: dataDir, DATABASE_URL: "" });
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (pgE2e) {
        const redis = await redisForScaleOut();
        await runE2eAgainst(redis ? "PostgreSQL, two app servers and Redis" : "PostgreSQL", { DATABASE_URL: pgE2e.url }, redis);
      }
    }
    if (runReliability) {
      if (reliabilityOnly) execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      // Each suite starts built servers of its own (embedded, and PostgreSQL through TEST_POSTGRES_URL).
      const files = [...(securityOnly ? [] : testFiles(path.join(root, "reliability"))), ...testFiles(path.join(root, "security"))];
      const long = securityOnly
        ? { SECURITY_FULL_CORPUS: "1" }
        : reliabilityOnly
          ? { RELIABILITY_KILLS: process.env.RELIABILITY_KILLS || "25", SOAK_SECONDS: process.env.SOAK_SECONDS || "300" }
          : { RELIABILITY_KILLS: "3", SOAK_SECONDS: "20" };
      const label = securityOnly ? "security suites (full corpus)" : `reliability and security suites (${reliabilityOnly ? "long" : "quick"})`;
      await run(label, process.execPath, ["--conditions=react-server", "--import", "tsx", "--import", "./tests/helpers/css-modules.mjs", "--test", "--test-concurrency=1", ...files], { TEST_POSTGRES_URL: adminUrl, ...long });
    }
  } finally {
    await pgdb?.drop();
    await pgE2e?.drop();
  }
  const failed = results.filter((r) => !r.ok);
  console.log("\n=== Summary");
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.label}`);
  console.log(`suites: ${results.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length || (!pgReachable && process.env.CI) ? 1 : 0);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
