import type { SqlRun } from "@/lib/db/create-client";
import { parseDbDefault, type ReferentialAction, type SchemaShape } from "./shape";

/**
 * Reads the current schema (tables, columns, indexes, foreign keys, enums, other
 * constraints) of a migrated database from the PostgreSQL catalogs. Works the same on a
 * PostgreSQL server and on PGlite. Column lists are joined with \x1f, which no identifier uses.
 */
const SEP = "\u001f";

const TABLES = `
SELECT c.relname AS name, c.relkind AS kind
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`;

const COLUMNS = `
SELECT c.relname AS table_name, a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
       pg_get_expr(d.adbin, d.adrelid) AS default_expr
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`;

const INDEXES = `
SELECT i.relname AS name, t.relname AS table_name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
       am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
       (SELECT string_agg(
                 pg_get_indexdef(x.indexrelid, k, true)
                 || CASE WHEN pg_index_column_has_property(x.indexrelid, k, 'desc') THEN ' DESC' ELSE '' END,
                 E'\\x1f' ORDER BY k)
          FROM generate_series(1, x.indnkeyatts) AS k) AS columns
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_am am ON am.oid = i.relam
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = current_schema()`;

const CONSTRAINTS = `
SELECT con.conname AS name, con.contype AS type, cl.relname AS table_name, ref.relname AS ref_table,
       con.confdeltype AS on_delete, con.confupdtype AS on_update,
       (SELECT string_agg(a.attname::text, E'\\x1f' ORDER BY k.ord)
          FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
       (SELECT string_agg(a.attname::text, E'\\x1f' ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS ref_columns
FROM pg_constraint con
JOIN pg_class cl ON cl.oid = con.conrelid
LEFT JOIN pg_class ref ON ref.oid = con.confrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
WHERE n.nspname = current_schema()`;

const ENUMS = `
SELECT t.typname AS name, e.enumlabel AS label
FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema()
ORDER BY t.typname, e.enumsortorder`;

const ACTIONS: Record<string, ReferentialAction> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

const bool = (v: unknown) => v === true || v === "t" || v === "true";
const split = (v: unknown) => (v == null || v === "" ? [] : String(v).split(SEP));
const unquote = (s: string) => s.replace(/"/g, "");

export type ActualSchema = SchemaShape & {
  /** views, foreign tables and other relations that are not plain tables */
  otherRelations: { name: string; kind: string }[];
  /** constraints other than primary keys, unique constraints, foreign keys and CHECKs */
  otherConstraints: { name: string; table: string; type: string }[];
};

export async function actualSchema(run: SqlRun): Promise<ActualSchema> {
  const shape: ActualSchema = { tables: {}, indexes: {}, foreignKeys: {}, enums: {}, otherRelations: [], otherConstraints: [] };

  for (const r of await run(TABLES)) {
    const kind = String(r.kind);
    if (kind === "r" || kind === "p") shape.tables[String(r.name)] = {};
    else shape.otherRelations.push({ name: String(r.name), kind });
  }
  for (const r of await run(COLUMNS)) {
    const table = (shape.tables[String(r.table_name)] ??= {});
    table[String(r.column_name)] = {
      type: unquote(String(r.type)),
      notNull: bool(r.not_null),
      default: parseDbDefault(r.default_expr == null ? null : String(r.default_expr)),
    };
  }
  for (const r of await run(INDEXES)) {
    shape.indexes[String(r.name)] = {
      table: String(r.table_name),
      columns: split(r.columns).map(unquote),
      unique: bool(r.is_unique),
      primary: bool(r.is_primary),
      method: String(r.method),
      predicate: r.predicate == null ? null : String(r.predicate),
    };
  }
  for (const r of await run(CONSTRAINTS)) {
    const type = String(r.type);
    if (type === "f") {
      shape.foreignKeys[String(r.name)] = {
        table: String(r.table_name),
        columns: split(r.columns),
        refTable: String(r.ref_table),
        refColumns: split(r.ref_columns),
        onDelete: ACTIONS[String(r.on_delete)],
        onUpdate: ACTIONS[String(r.on_update)],
      };
    } else if (!["p", "u", "c", "n"].includes(type)) {
      // p/u are compared through their indexes; CHECK (c) and NOT NULL (n, PG 18+) are allowed.
      shape.otherConstraints.push({ name: String(r.name), table: String(r.table_name), type });
    }
  }
  for (const r of await run(ENUMS)) (shape.enums[String(r.name)] ??= []).push(String(r.label));
  return shape;
}
