import path from "node:path";
import { z } from "zod";

/** Where the data lives: a PostgreSQL server when DATABASE_URL is set, else embedded PGlite. */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
  .refine((v) => URL.canParse(v), "is not a valid URL");

/** Reads DATABASE_URL / DATA_DIR once; a bad value fails fast with a message naming it. */
export function readDatabaseTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const parsed = postgresUrl.safeParse(url);
    if (!parsed.success) {
      throw new Error(`DATABASE_URL ${parsed.error.issues[0]?.message ?? "is invalid"}`);
    }
    return { kind: "postgres", url: parsed.data };
  }
  const dataDir = path.resolve(env.DATA_DIR?.trim() || ".data");
  return { kind: "pglite", dataDir };
}

/** The URL without its password, for messages and logs. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PostgreSQL in ${target.dataDir}`;
  const u = new URL(target.url);
  if (u.password) u.password = "***";
  return `PostgreSQL at ${u.toString()}`;
}
