/**
 * Column-wise batches flushed as one INSERT ... SELECT FROM unnest(typed arrays): one statement
 * and one parameter per column for up to `size` rows, on PGlite and PostgreSQL alike.
 */
import type { Tx } from "../../lib/db";

type ColumnType = "int" | "text" | "timestamp" | "PointCause";
type Columns = Record<string, ColumnType>;
type Row<C extends Columns> = { [K in keyof C]: C[K] extends "int" ? number | null : C[K] extends "timestamp" ? Date | null : string | null };

// Enums travel as text[]: the PGlite driver only serializes arrays of built-in types.
const sqlType = (t: ColumnType) => (t === "PointCause" ? `text[]::"PointCause"[]` : t === "timestamp" ? "timestamp(3)[]" : `${t}[]`);

export class Batch<C extends Columns> {
  private data: Record<string, unknown[]>;
  private readonly names: string[];
  private readonly sql: string;
  rows = 0;
  total = 0;

  constructor(
    private readonly tx: Tx,
    table: string,
    private readonly columns: C,
    private readonly size = 1000,
  ) {
    this.names = Object.keys(columns);
    this.data = this.empty();
    const cols = this.names.map((n) => `"${n}"`).join(", ");
    const arrays = this.names.map((n, i) => `$${i + 1}::${sqlType(columns[n]!)}`).join(", ");
    this.sql = `INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${arrays})`;
  }

  private empty(): Record<string, unknown[]> {
    return Object.fromEntries(this.names.map((n) => [n, []]));
  }

  async push(row: Row<C>): Promise<void> {
    for (const n of this.names) {
      const v = (row as Record<string, unknown>)[n];
      // ISO strings: both drivers pass them through unchanged into timestamp(3) (UTC, as Prisma stores).
      this.data[n]!.push(v instanceof Date ? v.toISOString() : v ?? null);
    }
    if (++this.rows >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.rows === 0) return;
    const params = this.names.map((n) => this.data[n]);
    this.data = this.empty();
    this.total += this.rows;
    this.rows = 0;
    await this.tx.$executeRawUnsafe(this.sql, ...params);
  }
}

/** Moves each id sequence past the explicit ids the load wrote. */
export async function resetSequences(tx: Tx, tables: string[]): Promise<void> {
  for (const t of tables) {
    await tx.$executeRawUnsafe(
      `SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), GREATEST((SELECT MAX("id") FROM "${t}"), 1))`,
    );
  }
}
