import pg from "pg";
import { openDatabase } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The server the benchmark database is created on: DATABASE_URL when it is PostgreSQL, else the local default. */
export function adminUrl(): string {
  const url = process.env.DATABASE_URL?.trim();
  return url && /^postgres(ql)?:\/\//.test(url) ? url : "postgresql://postgres@127.0.0.1:5432/postgres";
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabase(name: string): Promise<string> {
  await admin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = databaseUrl(name);
  const opened = await openDatabase({ kind: "postgres", url });
  try {
    await migrate(opened);
  } finally {
    await opened.close();
  }
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/** Facts about the server and the dataset for the report: version, table sizes, interaction bytes per row. */
export async function describeDatabase(url: string): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = (await client.query("SHOW server_version")).rows[0].server_version as string;
    const tables = (
      await client.query(`SELECT relname AS table, n_live_tup::bigint AS rows,
          pg_relation_size(relid) AS heap_bytes, pg_indexes_size(relid) AS index_bytes, pg_total_relation_size(relid) AS total_bytes
        FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 12`)
    ).rows.map((r) => ({ ...r, rows: Number(r.rows), heap_bytes: Number(r.heap_bytes), index_bytes: Number(r.index_bytes), total_bytes: Number(r.total_bytes) }));
    const interactionIndexes = (
      await client.query(`SELECT indexrelname AS index, pg_relation_size(indexrelid) AS bytes FROM pg_stat_user_indexes WHERE relname = 'interaction' ORDER BY 2 DESC`)
    ).rows.map((r) => ({ index: r.index as string, bytes: Number(r.bytes) }));
    return { version, tables, interactionIndexes };
  } finally {
    await client.end();
  }
}
