import { defineConfig } from "prisma/config";

// Only `prisma generate` reads this: migrations run through lib/db/migrate.ts, offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
