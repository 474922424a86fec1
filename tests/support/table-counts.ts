import type { OpenedDb } from "@/lib/db/create-client";

/**
 * The row count of every application table, in one round trip: a refused or failed
 * operation must leave every one of them unchanged (nothing half-written).
 */
export async function tableCounts(opened: OpenedDb): Promise<Record<string, number>> {
  return opened.session(async (run) => {
    const tables = await run(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    if (tables.length === 0) return {};
    const sql = tables
      .map((r) => `SELECT '${String(r.tablename)}' AS t, count(*)::int AS n FROM "${String(r.tablename)}"`)
      .join(" UNION ALL ");
    const rows = await run(sql);
    return Object.fromEntries(rows.map((r) => [String(r.t), Number(r.n)]));
  });
}

/**
 * Every application table's row count and a digest of its rows: unlike counts alone, this
 * also notices an UPDATE (a soft delete, a status change) that should not have happened.
 */
export async function tableFingerprint(opened: OpenedDb): Promise<Record<string, string>> {
  return opened.session(async (run) => {
    const tables = await run(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    if (tables.length === 0) return {};
    const sql = tables
      .map((r) => {
        const name = String(r.tablename);
        return `SELECT '${name}' AS t, count(*)::int || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '-') AS f FROM "${name}" x`;
      })
      .join(" UNION ALL ");
    const rows = await run(sql);
    return Object.fromEntries(rows.map((r) => [String(r.t), String(r.f)]));
  });
}
