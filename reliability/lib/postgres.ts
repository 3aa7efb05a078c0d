/** A fresh PostgreSQL database per suite on the machine's server, dropped after (scripts/fresh-database.mjs). */
import { createFreshDatabase, type FreshDatabase } from "../../scripts/fresh-database.mjs";

export type { FreshDatabase };

const adminUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** Null (the suite skips) when no server answers, except on CI, where it is required. */
export const freshPostgresDatabase = () => createFreshDatabase(adminUrl, "forum_reliability");
