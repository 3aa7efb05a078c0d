/**
 * Opens the database for a test file: in-memory PGlite by default, or the fresh PostgreSQL
 * database scripts/test.mjs created (TEST_DATABASE_URL). Never a database on another machine.
 */
import { startDatabase, stopDatabase } from "../../lib/db/start";
import { startMarkdownWorkers, stopMarkdownWorkers } from "../../server/markdown-workers";

export async function openTestDatabase(): Promise<void> {
  // Commands render what they store, as the server does, in its Markdown workers.
  startMarkdownWorkers();
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const host = new URL(url).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`Refusing a non-local test database (${host})`);
    await startDatabase({ kind: "postgres", url });
  } else {
    await startDatabase({ kind: "memory" });
  }
}

export async function closeTestDatabase(): Promise<void> {
  await stopMarkdownWorkers();
  await stopDatabase();
}

/** A name no other test (or earlier run on the same database) has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(0, 30);
}
