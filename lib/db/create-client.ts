import { PrismaClient } from "@/lib/generated/prisma/client";
import type pg from "pg";
import { dbTarget, type DbTarget } from "./config";
import { acquireDataDirLock } from "./data-dir-lock";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";

export type Db = PrismaClient;

/** Runs SQL (several statements allowed) and returns the rows of the last statement. */
export type SqlRun = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * How pg-boss (lib/server/jobs) reaches this database: its own pool on a PostgreSQL server's
 * URL, or, on the embedded database, statements run on this process's one PGlite instance
 * (which queues them behind any open transaction, as it does Prisma's own queries).
 */
export type JobsConnection =
  | { kind: "url"; url: string }
  | { kind: "embedded"; executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

export type OpenedDb = {
  db: Db;
  target: DbTarget;
  jobs: JobsConnection;
  /** run raw SQL on one dedicated connection, outside Prisma (migrations, backups) */
  session: <T>(fn: (run: SqlRun) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/**
 * How long a transaction may wait to start, and run. Prisma's default wait (2 s) is shorter
 * than the pool's own connection timeout (5 s): a burst of requests larger than the pool
 * failed with "Unable to start a transaction in the given time" although a connection would
 * have been free moments later. Waiting as long as the pool does lets bursts queue; past
 * that, the API answers 503 (lib/server/api/problem.ts).
 */
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 } as const;

/**
 * Names for the statements Prisma sends to a PostgreSQL server, so each connection prepares a
 * statement once and runs it again by name: PostgreSQL then parses it once per connection,
 * and after five runs may keep a generic plan instead of planning every run (measured: parse
 * and plan were about half of a page's database time; docs/scaling.md). One name per SQL text,
 * for the first `limit` texts this process sends; later ones (a list of a new length, say) go
 * unnamed, so every connection holds at most `limit` prepared statements. `limit` 0: none.
 */
export function statementNames(limit: number): ((query: { sql: string }) => string | undefined) | undefined {
  if (!(limit > 0)) return undefined;
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < limit) names.set(sql, (name = `rapport_${names.size}`));
    return name;
  };
}

/** Opens the database the environment points at. Call lazily, never at import time. */
export async function openDatabase(target: DbTarget = dbTarget()): Promise<OpenedDb> {
  if (target.kind === "postgres") {
    const [{ PrismaPg }, { default: pgModule }] = await Promise.all([import("@prisma/adapter-pg"), import("pg")]);
    const pool = new pgModule.Pool({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE || 10),
      connectionTimeoutMillis: 5_000,
    });
    pool.on("error", () => {}); // a dropped idle connection is replaced on next use
    // Typed as always naming; pg sends a query whose name is undefined unnamed, as without a generator.
    const statementNameGenerator = statementNames(Number(process.env.DATABASE_STATEMENT_CACHE || 250)) as
      | ((query: { sql: string }) => string)
      | undefined;
    const db = new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator }), transactionOptions: TRANSACTION_OPTIONS });
    return {
      db,
      target,
      jobs: { kind: "url", url: target.url },
      session: async (fn) => {
        const client = await pool.connect();
        try {
          return await fn(async (sql) => {
            const res = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
            return (Array.isArray(res) ? (res.at(-1)?.rows ?? []) : res.rows) as Record<string, unknown>[];
          });
        } finally {
          client.release();
        }
      },
      close: async () => {
        await db.$disconnect();
        await pool.end().catch(() => {});
      },
    };
  }
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
  let release = () => {};
  let pglite;
  if (target.kind === "pglite") {
    release = acquireDataDirLock(target.dataDir);
    try {
      pglite = await PGlite.create({ dataDir: target.dataDir, extensions: PGLITE_EXTENSIONS });
    } catch (e) {
      release();
      throw new Error(`Could not open the embedded database in ${target.dataDir}: ${(e as Error).message}`);
    }
  } else {
    pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  }
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  const embedded = pglite;
  return {
    db,
    target,
    jobs: {
      kind: "embedded",
      // pg-boss sends parameterless scripts of several statements (its migrations): those go
      // through exec, which allows them; everything else through query.
      executeSql: async (text, values) => {
        if (values?.length) return embedded.query(text, values as unknown[]);
        const results = await embedded.exec(text);
        return { rows: results.flatMap((r) => r.rows) };
      },
    },
    session: (fn) =>
      fn(async (sql) => ((await pglite.exec(sql)).at(-1)?.rows ?? []) as Record<string, unknown>[]),
    close: async () => {
      await db.$disconnect();
      await pglite.close();
      release();
    },
  };
}
