/**
 * `npm run db -- <command>`: backups of the embedded database and the move to a PostgreSQL
 * server, run on the machine that holds the data (README "Backups").
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backupEmbedded, restoreEmbedded } from "../lib/db/backup";
import { copyEmbeddedToPostgres } from "../lib/db/copy-to-postgres";
import { readDatabaseTarget } from "../lib/db/config";

const usage = `Usage: npm run db -- <command>

Commands:
  backup FILE                 Write a consistent backup of the embedded database (DATA_DIR) to FILE
                              (a .tar.gz), whether or not the forum is running.
  restore FILE --data-dir DIR Open a backup into DIR, a new directory; then start the forum
                              with DATA_DIR=DIR.
  copy-to-postgres URL        Copy the embedded database (forum stopped) into the empty
                              PostgreSQL database at URL; then start the forum with DATABASE_URL=URL.

With DATABASE_URL set, back up with PostgreSQL's own tools: pg_dump --format=custom.`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { "data-dir": { type: "string" } } });
  const [command, arg] = positionals;
  const target = readDatabaseTarget();
  if (!command || !arg) throw new Error(usage);
  if (command === "restore") {
    const dir = values["data-dir"];
    if (!dir) throw new Error("restore needs --data-dir DIR: a new directory to restore into.");
    await restoreEmbedded(arg, path.resolve(dir));
    console.log(`Restored ${arg} into ${path.resolve(dir)}. Start the forum with DATA_DIR=${path.resolve(dir)}.`);
    return;
  }
  if (target.kind !== "pglite") throw new Error(`DATABASE_URL is set: this forum's data is on a PostgreSQL server; use pg_dump / pg_restore there.\n\n${usage}`);
  if (command === "backup") {
    const file = path.resolve(arg);
    const { bytes, via } = await backupEmbedded(target.dataDir, file);
    console.log(`Backed up ${target.dataDir} to ${file} (${(bytes / 1e6).toFixed(1)} MB, taken by the ${via}).`);
  } else if (command === "copy-to-postgres") {
    const copied = await copyEmbeddedToPostgres(target.dataDir, arg, (line) => console.log(`  ${line}`));
    const rows = Object.values(copied).reduce((a, b) => a + b, 0);
    console.log(`Copied ${rows} rows in ${Object.keys(copied).length} tables. Start the forum with DATABASE_URL set to that database.`);
  } else throw new Error(usage);
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
