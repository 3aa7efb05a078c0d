// @prisma/migrate's package.json points its types at a path it does not ship
// (dist/migrate/src/index.d.ts); this names the one export lib/db/schema-engine.ts uses.
declare module "@prisma/migrate" {
  import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
  export const SchemaEngineWasm: {
    setup(input: { adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory; schemaContext?: unknown }): Promise<unknown>;
  };
}
