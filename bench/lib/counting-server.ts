/**
 * The forum's server as server.ts builds it, but with Prisma's query events on: counts the SQL
 * statements each whole page render issues (layout, metadata and page together). Used only
 * by the harness, never measured for speed (logging costs time). Keep in step with server.ts.
 *   GET /__bench/queries  -> {"count", "statements"} since the last call (each with its time),
 *                            and starts counting afresh; with ?cold=1 it also empties the page
 *                            and thread-data caches, so the next render is a first render
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { db } from "../../lib/db";
import { startDatabase, stopDatabase } from "../../lib/db/start";
import { clearPageCache } from "../../lib/page-cache";
import { loadRuleOverrides } from "../../lib/rule-overrides";
import { flushViews } from "../../lib/views";
import { frontDoor } from "../../server/front-door";

const port = Number(process.env.PORT);
// The client's type only knows $on("query") when logging is fixed at compile time.
type QueryEvent = { query: string; duration: number };
const onQuery = (cb: (e: QueryEvent) => void) => (db.$on as unknown as (ev: "query", cb: (e: QueryEvent) => void) => void)("query", cb);
const root = path.resolve(import.meta.dirname, "../..");

async function main() {
  await startDatabase(undefined, { logQueries: true });
  await loadRuleOverrides();
  let statements: string[] = [];
  onQuery((e) => statements.push(`[${e.duration} ms] ${e.query.replace(/\s+/g, " ").slice(0, 200)}`));

  const app = next({ dev: false, dir: root, hostname: "127.0.0.1", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const notFound: typeof handle = (req, res) => {
    req.url = "/__not-a-page";
    return handle(req, res);
  };
  const forum = frontDoor(handle, notFound);
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith("/__bench/queries")) return forum(req, res);
    if (req.url.endsWith("?cold=1")) clearPageCache();
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ count: statements.length, statements }));
    statements = [];
  });
  server.listen(port, "127.0.0.1", () => console.log(`counting server on ${port}`));
  const shutdown = async () => {
    server.close();
    await flushViews();
    await stopDatabase();
    process.exit(0);
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((err: Error) => {
  console.error(`counting server: ${err.message}`);
  process.exit(1);
});
