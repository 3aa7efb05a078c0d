/**
 * The forum's server as server.ts builds it, but with Prisma's query events on: counts the SQL
 * statements each whole thread page issues (the front door renders it: the reader's session,
 * the thread's data). Used only by the harness, never measured for speed (logging costs time).
 * Keep in step with server.ts. It starts no Markdown workers: it serves only thread pages,
 * which show the HTML stored with each post, so nothing it serves renders Markdown.
 *   GET /__bench/queries  -> {"count", "statements"} since the last call (each with its time),
 *                            and starts counting afresh; with ?cold=1 it also empties the page
 *                            and thread-data caches and forgets the members kept in memory,
 *                            so the next render is a first render
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { db } from "../../lib/db";
import { onMembersChanged } from "../../lib/db/member-changes";
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

/**
 * Forgets every member kept in memory (lib/auth/session-member.ts) the way the app itself does
 * when notices may have been missed: a notice on the members' channel (the migration
 * member_change_notices) that names no member. Resolves once the notice has been heard.
 */
async function forgetKeptMembers(): Promise<void> {
  const heard = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the members' notice was not heard within 5 s")), 5_000);
    onMembersChanged("bench-counting-server", (ids) => {
      if (ids !== null) return;
      clearTimeout(timer);
      resolve();
    });
  });
  await db.$executeRawUnsafe(`SELECT pg_notify('forum_member_changed', 'bench: forget all')`);
  await heard;
}

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
  const server = http.createServer(async (req, res) => {
    if (!req.url?.startsWith("/__bench/queries")) return forum(req, res);
    res.setHeader("Content-Type", "application/json");
    if (req.url.endsWith("?cold=1")) {
      clearPageCache();
      try {
        await forgetKeptMembers();
      } catch (err) {
        res.statusCode = 500;
        return void res.end(JSON.stringify({ error: (err as Error).message }));
      }
    }
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
