/**
 * A database schema reduced to what Prisma's schema can express, so the shape derived from
 * schema.prisma and the shape read back from a migrated database can be compared.
 */
export type ColumnDefault =
  | { kind: "none" }
  | { kind: "now" }
  | { kind: "sequence" }
  /** @default(dbgenerated(...)): some database default, its text not compared */
  | { kind: "expression"; text?: string }
  /** a literal, normalised: quotes and ::casts removed (`'standard'::text` → standard) */
  | { kind: "value"; value: string };

export type ColumnShape = {
  /** as PostgreSQL's format_type() prints it, without double quotes: `timestamp(3) without time zone`, `Role` */
  type: string;
  notNull: boolean;
  default: ColumnDefault;
};

export type IndexShape = {
  table: string;
  /** key columns in order; descending ones end in " DESC" */
  columns: string[];
  unique: boolean;
  primary: boolean;
  method: string;
  /** WHERE clause of a partial index (never produced from schema.prisma) */
  predicate?: string | null;
};

export type ReferentialAction = "Cascade" | "Restrict" | "NoAction" | "SetNull" | "SetDefault";

export type ForeignKeyShape = {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};

export type SchemaShape = {
  tables: Record<string, Record<string, ColumnShape>>;
  /** keyed by index name (primary keys included, as `<table>_pkey`) */
  indexes: Record<string, IndexShape>;
  /** keyed by constraint name */
  foreignKeys: Record<string, ForeignKeyShape>;
  /** enum type name → labels in order */
  enums: Record<string, string[]>;
};

/** Prisma's bookkeeping table: created by the migration runner, not by schema.prisma. */
export const BOOKKEEPING_TABLE = "_prisma_migrations";

/** Turns a column default as pg_get_expr prints it into a ColumnDefault. */
export function parseDbDefault(expr: string | null | undefined): ColumnDefault {
  if (expr == null) return { kind: "none" };
  const text = expr.trim();
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(text)) return { kind: "now" };
  if (/^nextval\(/i.test(text)) return { kind: "sequence" };
  const quoted = /^'((?:[^']|'')*)'(::.+)?$/s.exec(text);
  if (quoted) return { kind: "value", value: quoted[1].replace(/''/g, "'") };
  const cast = /^\(?(-?[\w.]+)\)?(::[\w ]+)?$/.exec(text);
  if (cast) return { kind: "value", value: cast[1] };
  return { kind: "expression", text };
}

export function describeDefault(d: ColumnDefault): string {
  switch (d.kind) {
    case "none":
      return "no default";
    case "now":
      return "DEFAULT CURRENT_TIMESTAMP";
    case "sequence":
      return "a sequence default (autoincrement)";
    case "expression":
      return d.text ? `DEFAULT ${d.text}` : "a database expression";
    case "value":
      return `DEFAULT '${d.value}'`;
  }
}
