/**
 * The forum's process: owns the database (embedded or a server), applies migrations, seeds the
 * first start, and serves HTTP with the anonymous page cache in front of Next.js.
 */
import http from "node:http";
import next from "next";
import { vacuumEmbeddedDatabase } from "./lib/db/maintenance";
import { startDatabase, stopDatabase } from "./lib/db/start";
import { flushViews } from "./lib/views";
import { seedDatabase } from "./prisma/seed";
import { ensureAuthSecret } from "./lib/auth/secret";
import { loadRuleOverrides } from "./lib/rule-overrides";
import { connectRedis, disconnectRedis } from "./lib/redis";
import { listenToCluster } from "./lib/cluster-bus";
import { ALL_TAG, clearPageCache, dropLocalPages } from "./lib/page-cache";
import { rerenderStalePosts } from "./lib/rerender-stale-posts";
import { expireBounties } from "./lib/commands/bounty";
import { describeUploadStorage } from "./lib/uploads/storage";
import { queueDueDigests } from "./lib/mail/digest";
import { mailTransportName } from "./lib/mail/config";
import { startMailSender, stopMailSender } from "./lib/mail/sender";
import { frontDoor } from "./server/front-door";
import { liveHub } from "./lib/live/live-events";
import { openControlSocket } from "./server/control-socket";
import { readDatabaseTarget } from "./lib/db/config";
import { startMarkdownWorkers, stopMarkdownWorkers } from "./server/markdown-workers";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";

/** A periodic job, called in this process; a failure is logged and the next run tries again. */
async function runJob(name: string, job: () => Promise<unknown>) {
  try {
    await job();
  } catch (err) {
    console.error(`Job ${name} failed: ${(err as Error).message}`);
  }
}

async function main() {
  startMarkdownWorkers();
  const { applied, description } = await startDatabase();
  console.log(`Database: ${description}${applied.length ? ` (applied ${applied.join(", ")})` : ""}`);
  if (await seedDatabase()) console.log("Seeded the flagship thread.");
  process.env.AUTH_SECRET ||= await ensureAuthSecret();
  await loadRuleOverrides();
  console.log(`Images: kept ${describeUploadStorage()}.`);
  if (await connectRedis()) {
    await listenToCluster({
      onMessage: async (message) => {
        if (message.type === "invalidate") dropLocalPages(message.tags);
        else if (message.type === "rules") {
          await loadRuleOverrides();
          dropLocalPages([ALL_TAG]);
        }
      },
      onReconnect: clearPageCache,
    });
    console.log("Redis: rate limits, page-cache invalidations and rule changes are shared with the other app servers.");
  }
  const target = readDatabaseTarget();
  const embedded = target.kind === "pglite";
  if (embedded) console.log(`Vacuumed the embedded database in ${await vacuumEmbeddedDatabase()} ms.`);
  // `npm run db -- backup` asks the running forum through it (lib/db/backup.ts).
  const closeControlSocket = target.kind === "pglite" ? openControlSocket(target.dataDir) : () => {};

  // The project's root: where npm start runs it, from the sources or built into .next/forum/.
  const app = next({ dev, dir: process.cwd(), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const notFound = (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.url = "/__not-a-page";
    return handle(req, res);
  };
  const server = http.createServer(frontDoor(handle, notFound));
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`Forum ready on http://localhost:${port}`));
  // After a Markdown pipeline change, in the background: until then posts show their older HTML.
  void rerenderStalePosts().then(
    (n) => n.questions + n.answers + n.comments > 0 && console.log(`Rendered again with the current Markdown pipeline: ${n.questions} questions, ${n.answers} answers, ${n.comments} comments.`),
    (err: Error) => console.error(`Rendering older posts again failed: ${err.message}`),
  );
  const jobs = setInterval(() => {
    void runJob("expire-bounties", () => expireBounties());
    void runJob("mail-digest", () => queueDueDigests());
  }, 60_000);
  // Sends queued mail in the background: requests only ever write a Mail row.
  startMailSender();
  console.log(`Mail: ${mailTransportName() === "smtp" ? "sent through SMTP_URL" : "kept in the outbox (/admin/outbox) and the log; set SMTP_URL to send it"}.`);
  // Daily, so statistics follow the data; VACUUM does not block readers or writers.
  const vacuum = embedded ? setInterval(() => void vacuumEmbeddedDatabase().catch((e: Error) => console.error(`VACUUM failed: ${e.message}`)), 24 * 3600_000) : undefined;

  const shutdown = async () => {
    clearInterval(jobs);
    clearInterval(vacuum);
    closeControlSocket();
    server.close();
    // Readers' live streams would hold the server open; their pages reconnect to another server.
    liveHub().closeAll();
    await stopMailSender();
    await flushViews();
    await disconnectRedis();
    await stopMarkdownWorkers();
    await stopDatabase();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((err: Error) => {
  console.error(`The forum could not start: ${err.message}`);
  process.exit(1);
});
