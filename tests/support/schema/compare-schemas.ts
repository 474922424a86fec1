import { BOOKKEEPING_TABLE, describeDefault, type ColumnDefault, type ForeignKeyShape, type IndexShape, type SchemaShape } from "./shape";
import type { ActualSchema } from "./actual-schema";

export type CompareOptions = {
  /**
   * Indexes Prisma's schema cannot express (partial or expression indexes) that a migration
   * adds on purpose. Each entry needs a reason next to it where it is listed.
   */
  allowExtraIndexes?: readonly string[];
};

const SCHEMA = "schema.prisma";
const MIGRATIONS = "the migrations";

function sameDefault(expected: ColumnDefault, actual: ColumnDefault): boolean {
  if (expected.kind === "expression") return actual.kind !== "none";
  if (expected.kind !== actual.kind) return false;
  return expected.kind !== "value" || expected.value === (actual as { value: string }).value;
}

const describeIndex = (i: IndexShape) =>
  `${i.primary ? "PRIMARY KEY" : i.unique ? "UNIQUE" : "INDEX"} ${i.method === "btree" ? "" : `USING ${i.method} `}` +
  `ON ${i.table}(${i.columns.join(", ")})${i.predicate ? ` WHERE ${i.predicate}` : ""}`;

const describeFk = (f: ForeignKeyShape) =>
  `${f.table}(${f.columns.join(", ")}) → ${f.refTable}(${f.refColumns.join(", ")}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;

/**
 * Every difference between the schema schema.prisma describes and the one the migrations
 * produced, as sentences naming both sides. An empty list means no drift.
 */
export function compareSchemas(expected: SchemaShape, actual: ActualSchema, opts: CompareOptions = {}): string[] {
  const out: string[] = [];
  const allowed = new Set(opts.allowExtraIndexes ?? []);

  for (const [table, columns] of Object.entries(expected.tables)) {
    const real = actual.tables[table];
    if (!real) {
      out.push(`table ${table} is in ${SCHEMA} but no migration creates it`);
      continue;
    }
    for (const [name, col] of Object.entries(columns)) {
      const got = real[name];
      if (!got) {
        out.push(`column ${table}.${name} is in ${SCHEMA} but not in ${MIGRATIONS}`);
        continue;
      }
      if (got.type !== col.type) out.push(`column ${table}.${name}: ${SCHEMA} says ${col.type}, ${MIGRATIONS} make ${got.type}`);
      if (got.notNull !== col.notNull)
        out.push(`column ${table}.${name}: ${SCHEMA} says ${col.notNull ? "NOT NULL" : "nullable"}, ${MIGRATIONS} make it ${got.notNull ? "NOT NULL" : "nullable"}`);
      if (!sameDefault(col.default, got.default))
        out.push(`column ${table}.${name}: ${SCHEMA} says ${describeDefault(col.default)}, ${MIGRATIONS} give ${describeDefault(got.default)}`);
    }
    for (const name of Object.keys(real)) {
      if (!columns[name]) out.push(`column ${table}.${name} is in ${MIGRATIONS} but not in ${SCHEMA}`);
    }
  }
  for (const table of Object.keys(actual.tables)) {
    if (table !== BOOKKEEPING_TABLE && !expected.tables[table]) out.push(`table ${table} is in ${MIGRATIONS} but not in ${SCHEMA}`);
  }
  for (const rel of actual.otherRelations) out.push(`relation ${rel.name} (relkind ${rel.kind}) is in ${MIGRATIONS} but ${SCHEMA} cannot describe it`);

  for (const [name, idx] of Object.entries(expected.indexes)) {
    const got = actual.indexes[name];
    if (!got) {
      const sameShape = Object.entries(actual.indexes).find(([, i]) => describeIndex(i) === describeIndex(idx));
      out.push(
        `index ${name} (${describeIndex(idx)}) is in ${SCHEMA} but not in ${MIGRATIONS}` +
          (sameShape ? ` — ${MIGRATIONS} have it as ${sameShape[0]}; use Prisma's name` : ""),
      );
    } else if (describeIndex(got) !== describeIndex(idx)) {
      out.push(`index ${name}: ${SCHEMA} says ${describeIndex(idx)}, ${MIGRATIONS} make ${describeIndex(got)}`);
    }
  }
  for (const [name, idx] of Object.entries(actual.indexes)) {
    if (idx.table === BOOKKEEPING_TABLE || expected.indexes[name] || allowed.has(name)) continue;
    out.push(`index ${name} (${describeIndex(idx)}) is in ${MIGRATIONS} but not in ${SCHEMA}`);
  }

  for (const [name, fk] of Object.entries(expected.foreignKeys)) {
    const got = actual.foreignKeys[name];
    if (!got) out.push(`foreign key ${name} (${describeFk(fk)}) is in ${SCHEMA} but not in ${MIGRATIONS}`);
    else if (describeFk(got) !== describeFk(fk)) out.push(`foreign key ${name}: ${SCHEMA} says ${describeFk(fk)}, ${MIGRATIONS} make ${describeFk(got)}`);
  }
  for (const [name, fk] of Object.entries(actual.foreignKeys)) {
    if (!expected.foreignKeys[name]) out.push(`foreign key ${name} (${describeFk(fk)}) is in ${MIGRATIONS} but not in ${SCHEMA}`);
  }

  for (const [name, values] of Object.entries(expected.enums)) {
    const got = actual.enums[name];
    if (!got) out.push(`enum ${name} is in ${SCHEMA} but not in ${MIGRATIONS}`);
    // Compared as sets: Prisma appends new values (ALTER TYPE … ADD VALUE), whatever their place in the schema.
    else if ([...got].sort().join(",") !== [...values].sort().join(","))
      out.push(`enum ${name}: ${SCHEMA} says (${values.join(", ")}), ${MIGRATIONS} make (${got.join(", ")})`);
  }
  for (const name of Object.keys(actual.enums)) {
    if (!expected.enums[name]) out.push(`enum ${name} is in ${MIGRATIONS} but not in ${SCHEMA}`);
  }

  for (const c of actual.otherConstraints) out.push(`constraint ${c.name} (type ${c.type}) on ${c.table} is in ${MIGRATIONS} but not in ${SCHEMA}`);
  return out;
}
