/**
 * The one home of Prisma's WASM schema engine. `prisma migrate deploy` needs a native engine
 * that cannot be downloaded here, so the same engine, shipped as WASM, applies
 * prisma/migrations and records them in _prisma_migrations exactly as migrate deploy does.
 * These packages are "for Prisma's internal use": they are pinned to the prisma version and
 * every use of them stays in this file (covered by tests/db/schema-engine.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
// The project's root, where the forum runs (from the sources, or built into .next/forum/).
const projectRoot = process.cwd();
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");

const noFilters = { externalTables: [], externalEnums: [] };

type EngineInternals = { runCommand(command: string, input: unknown): Promise<{ stdout: string | null }> };
type Engine = EngineInternals & {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  stop(): Promise<void>;
};

/** Applies every pending migration; returns the names it applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await startEngine(factory, false);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await listMigrations(),
      filters: noFilters,
    });
    return appliedMigrationNames;
  } finally {
    await engine.stop();
  }
}

/**
 * The SQL that takes a database holding every migration so far to the current schema.prisma.
 * `factory` must point at an empty scratch database (an in-memory PGlite): the migrations are
 * applied to it first, and it is introspected as the "from" side.
 */
export async function diffMigrationsToSchema(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  await applyMigrations(factory);
  const engine = await startEngine(factory, true);
  try {
    const schemas = { files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] };
    // migrateDiff prints the script to stdout; runCommand hands it back instead.
    const result = await engine.runCommand("diff", {
      from: { tag: "schemaDatasource", files: schemas.files, configDir: projectRoot },
      to: { tag: "schemaDatamodel", ...schemas },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    await engine.stop();
  }
}

/**
 * The engine connects through the factory but never disposes what it opened; a pg connection
 * left open keeps Prisma's migration advisory lock, and the next run waits 10 s for it. So the
 * factory handed over records its connections and stop() closes them.
 */
async function startEngine(factory: SqlMigrationAwareDriverAdapterFactory, withSchema: boolean): Promise<Engine> {
  ensureWasmBesideLoader();
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      if (factory.adapterName === "@prisma/adapter-pg") sendScriptsWhole(adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  // CommonJS packages, required: Node's own ESM loader does not find their named exports.
  const { SchemaEngineWasm } = require("@prisma/migrate") as typeof import("@prisma/migrate");
  const schemaContext = withSchema
    ? await (require("@prisma/internals") as typeof import("@prisma/internals")).loadSchemaContext({ schemaPath: { cliProvidedPath: schemaPath }, printLoadMessage: false })
    : undefined;
  const engine = (await SchemaEngineWasm.setup({
    adapter: bindMigrationAwareSqlAdapterFactory(tracked),
    schemaContext,
  })) as unknown as Engine;
  return {
    applyMigrations: (input) => engine.applyMigrations(input),
    runCommand: (engine as unknown as EngineInternals).runCommand.bind(engine),
    stop: async () => {
      await engine.stop();
      await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
    },
  };
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it on every ";", which breaks
 * function bodies and comments that contain one. PostgreSQL's simple query protocol takes the
 * whole script at once (as the native engine sends it), so that is what goes to the server.
 */
function sendScriptsWhole(adapter: object): void {
  const pgAdapter = adapter as {
    client?: { query(sql: string): Promise<unknown> };
    onError?: (err: unknown) => never;
    executeScript?: (script: string) => Promise<void>;
  };
  if (!pgAdapter.client || !pgAdapter.onError || !pgAdapter.executeScript) return;
  const { client, onError } = pgAdapter;
  pgAdapter.executeScript = async (script) => {
    try {
      await client.query(script);
    } catch (err) {
      onError.call(pgAdapter, err);
    }
  };
}

/** @prisma/internals loads the engine from its own build/ folder, which npm does not fill. */
function ensureWasmBesideLoader(): void {
  const internalsDir = path.dirname(require.resolve("@prisma/internals/package.json"));
  const target = path.join(internalsDir, "build", "schema_engine_bg.wasm");
  if (fs.existsSync(target)) return;
  const source = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
}

/** prisma/migrations as the engine expects it (the same shape `prisma migrate` builds). */
async function listMigrations() {
  const lockfilePath = path.join(migrationsDir, "migration_lock.toml");
  const entries = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir, { withFileTypes: true }) : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockfilePath) ? fs.readFileSync(lockfilePath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b))
      .map((name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
  };
}
