import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Db, type OpenedDb } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";
import { setDbForTests } from "@/lib/server/db";

/**
 * A fresh database for one test file. With DATABASE_URL pointing at a PostgreSQL server, a
 * uniquely named database is created there (through the URL's own database as the admin
 * connection) and dropped afterwards; otherwise an in-memory PGlite. Never the developer's
 * data directory.
 */
export type TestDatabase = {
  opened: OpenedDb;
  db: Db;
  kind: "postgres" | "memory";
  /** the server-side database name (postgres only) */
  name?: string;
  dispose: () => Promise<void>;
};

export function serverUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const url = env.DATABASE_URL?.trim();
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const shouldMigrate = opts.migrate ?? true;
  const adminUrl = serverUrl();
  if (!adminUrl) {
    const opened = await openDatabase({ kind: "memory" });
    if (shouldMigrate) await migrate(opened);
    return { opened, db: opened.db, kind: "memory", dispose: () => opened.close() };
  }

  const name = `rapport_t_${crypto.randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () =>
    withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => {});
  let opened: OpenedDb;
  try {
    opened = await openDatabase({ kind: "postgres", url: url.toString() });
    if (shouldMigrate) await migrate(opened);
  } catch (e) {
    await drop().catch(() => {});
    throw e;
  }
  return {
    opened,
    db: opened.db,
    kind: "postgres",
    name,
    dispose: async () => {
      await opened.close().catch(() => {});
      await drop();
    },
  };
}

/** Empties every application table (keeps the migration bookkeeping). */
export async function truncateAll(opened: OpenedDb): Promise<void> {
  await opened.session(async (run) => {
    const rows = await run(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length === 0) return;
    const list = rows.map((r) => quoteIdent(String(r.tablename))).join(", ");
    await run(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  });
}

export type TestDatabaseHandle = {
  /** the Prisma client of this file's database (only inside tests and hooks) */
  readonly db: Db;
  readonly opened: OpenedDb;
  readonly kind: "postgres" | "memory";
  /** empty every table, e.g. in beforeEach */
  reset: () => Promise<void>;
};

/**
 * Call once at the top level of a test file: a migrated database for the whole file,
 * installed as the app's database (so services calling getDb() use it), removed afterwards.
 */
export function useTestDatabase(): TestDatabaseHandle {
  let current: TestDatabase | undefined;
  const get = () => {
    if (!current) throw new Error("useTestDatabase(): the database is only available inside tests and hooks.");
    return current;
  };
  beforeAll(async () => {
    current = await createTestDatabase();
    setDbForTests(current.opened);
  });
  afterAll(async () => {
    setDbForTests(undefined);
    await current?.dispose();
    current = undefined;
  });
  return {
    get db() {
      return get().db;
    },
    get opened() {
      return get().opened;
    },
    get kind() {
      return get().kind;
    },
    reset: () => truncateAll(get().opened),
  };
}
