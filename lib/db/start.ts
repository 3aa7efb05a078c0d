import { openDatabase } from "./adapter";
import { createClient } from "./client";
import { readDatabaseTarget, describeTarget, type DatabaseTarget } from "./config";
import { applyMigrations } from "./schema-engine";
import { dbHolder } from "../db";
import { watchDatabase } from "./health";
import { listenForMemberChanges, stopListeningForMemberChanges } from "./member-changes";

/**
 * Opens the database, applies pending migrations, and makes `db` usable in this process. Only
 * the owner of the data calls it: server.ts, a script, a test.
 */
export async function startDatabase(
  target: DatabaseTarget | { kind: "memory" } = readDatabaseTarget(),
  options: { logQueries?: boolean } = {},
): Promise<{ applied: string[]; description: string }> {
  if (dbHolder.__forumDb) throw new Error("The database is already started in this process.");
  const opened = await openDatabase(target);
  try {
    const applied = await applyMigrations(opened.factory);
    const prisma = createClient(opened.factory, options);
    const description = target.kind === "memory" ? "in-memory PostgreSQL" : describeTarget(target);
    await listenForMemberChanges(opened.listen);
    watchDatabase(target.kind === "postgres" ? () => prisma.$queryRawUnsafe("select 1") : null);
    dbHolder.__forumDb = {
      prisma,
      description,
      dump: opened.dump,
      parallelWorkers: target.kind === "postgres",
      close: async () => {
        watchDatabase(null);
        await stopListeningForMemberChanges();
        await prisma.$disconnect();
        await opened.close();
      },
    };
    return { applied, description };
  } catch (err) {
    await opened.close();
    throw err;
  }
}

export async function stopDatabase(): Promise<void> {
  const current = dbHolder.__forumDb;
  dbHolder.__forumDb = undefined;
  await current?.close();
}
