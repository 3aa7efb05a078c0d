import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";

export function createClient(factory: SqlDriverAdapterFactory, options: { logQueries?: boolean } = {}) {
  return new PrismaClient({
    adapter: factory,
    // Password hashes and emails leave the database only where a query asks for them.
    omit: { user: { passwordHash: true, email: true } },
    // Under a burst of writes a transaction waits its turn for a connection (PGlite has one)
    // rather than failing after Prisma's default 2 s; a write is refused only past 10 s.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    // The benchmark counts SQL statements per page from these events; off otherwise.
    ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}
