import type { OpenedDb } from "@/lib/db/create-client";

/** One value per application table (`x` in `expr`), all in one UNION ALL round trip. */
async function perTable<T>(opened: OpenedDb, expr: string, read: (v: unknown) => T): Promise<Record<string, T>> {
  return opened.session(async (run) => {
    const tables = await run(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    if (tables.length === 0) return {};
    const sql = tables
      .map((r) => {
        const name = String(r.tablename);
        return `SELECT '${name}' AS t, ${expr} AS v FROM "${name}" x`;
      })
      .join(" UNION ALL ");
    const rows = await run(sql);
    return Object.fromEntries(rows.map((r) => [String(r.t), read(r.v)]));
  });
}

/**
 * The row count of every application table, in one round trip: a refused or failed
 * operation must leave every one of them unchanged (nothing half-written).
 */
export function tableCounts(opened: OpenedDb): Promise<Record<string, number>> {
  return perTable(opened, "count(*)::int", Number);
}

/**
 * Every application table's row count and a digest of its rows: unlike counts alone, this
 * also notices an UPDATE (a soft delete, a status change) that should not have happened.
 */
export function tableFingerprint(opened: OpenedDb): Promise<Record<string, string>> {
  return perTable(opened, `count(*)::int || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-')`, String);
}
