import type { DbTarget } from "@/lib/db/config";

/** Runs one parameterised statement: a pg Client on PostgreSQL, PGlite's query() embedded. */
export type Exec = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type SeedConnection = { exec: Exec; close: () => Promise<void>; kind: "postgres" | "pglite" };

/**
 * One connection for the whole seed, outside Prisma: the seed writes ~1.5 million rows and
 * Prisma's createMany would build them as objects first. PostgreSQL gets a plain pg Client
 * (with synchronous_commit off: a lost seed is re-run, not recovered); the embedded database
 * is opened directly, behind the same data-directory lock the app takes.
 */
export async function openSeedConnection(target: DbTarget): Promise<SeedConnection> {
  if (target.kind === "postgres") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 10_000 });
    await client.connect();
    await client.query("SET synchronous_commit = off");
    return {
      kind: "postgres",
      exec: (sql, params) => client.query(sql, params) as Promise<{ rows: Record<string, unknown>[] }>,
      close: () => client.end(),
    };
  }
  if (target.kind === "memory") throw new Error("An in-memory database would vanish when the seed exits: point DATABASE_URL at PostgreSQL, or leave it unset for the embedded one.");
  const [{ PGlite }, { acquireDataDirLock }, { PGLITE_EXTENSIONS }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@/lib/db/data-dir-lock"),
    import("@/lib/db/pglite-extensions"),
  ]);
  const release = acquireDataDirLock(target.dataDir);
  try {
    const db = await PGlite.create({ dataDir: target.dataDir, extensions: PGLITE_EXTENSIONS });
    return {
      kind: "pglite",
      exec: (sql, params) => db.query(sql, params) as Promise<{ rows: Record<string, unknown>[] }>,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw new Error(`Could not open the embedded database in ${target.dataDir}: ${(e as Error).message}`);
  }
}

/** A column and the PostgreSQL array type its values are sent as. */
export type Column = readonly [name: string, type: string];

/**
 * Buffers rows column by column and writes each batch as one
 * `INSERT … SELECT * FROM unnest($1::text[], $2::int4[], …)`: one parameter per column
 * whatever the batch size, so a 5,000-row batch is a single round trip, and memory holds one
 * batch per table at most.
 */
export class TableWriter {
  private cols: unknown[][];
  private readonly sql: string;
  /** positions of the row values written (all, unless some columns are left out) */
  private readonly keep: number[];
  private readonly columns: readonly Column[];
  rows = 0;

  constructor(
    private readonly exec: Exec,
    readonly table: string,
    allColumns: readonly Column[],
    private readonly batchSize = 5_000,
    /** columns to leave out ("table.column"): seeding a database migrated by an older revision */
    omit: ReadonlySet<string> = new Set(),
  ) {
    this.keep = allColumns.flatMap(([n], i) => (omit.has(`${table}.${n}`) ? [] : [i]));
    const columns = (this.columns = this.keep.map((i) => allColumns[i]));
    this.cols = columns.map(() => []);
    const names = columns.map(([n]) => `"${n}"`).join(", ");
    // An array column (e.g. text[]) travels as its text literal ("{a,b}") and is cast back:
    // unnest would flatten an array of arrays.
    const arrays = columns.map(([, t], i) => `$${i + 1}::${t.endsWith("[]") ? "text" : t}[]`).join(", ");
    const select = columns.map(([, t], i) => (t.endsWith("[]") ? `c${i}::${t}` : `c${i}`)).join(", ");
    const aliases = columns.map((_, i) => `c${i}`).join(", ");
    this.sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${arrays}) AS u(${aliases})`;
  }

  /** Adds a row (values in column order); writes the batch when it is full. */
  async push(row: readonly unknown[]): Promise<void> {
    for (let k = 0; k < this.keep.length; k++) this.cols[k].push(row[this.keep[k]]);
    if (this.cols[0].length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    const n = this.cols[0].length;
    if (n === 0) return;
    const batch = this.cols;
    this.cols = this.columns.map(() => []);
    await this.exec(this.sql, batch);
    this.rows += n;
  }
}

/** A text[] column value as PostgreSQL's array literal: {"a b","c"}. */
export const textArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;

/** A timestamp(3) column value: UTC, without the zone (Prisma stores UTC in timestamp without time zone). */
export const ts = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString().slice(0, 23));
export const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);
