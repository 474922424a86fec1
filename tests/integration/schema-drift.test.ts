import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { actualSchema, type ActualSchema } from "@/tests/support/schema/actual-schema";
import { compareSchemas } from "@/tests/support/schema/compare-schemas";
import { expectedSchema } from "@/tests/support/schema/expected-schema";

/**
 * The migrations are written by hand (the native schema engine is not available offline),
 * so this file is what keeps them honest: an empty database migrated with every file in
 * prisma/migrations must have exactly the schema that prisma/schema.prisma describes.
 */
const SCHEMA_TEXT = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");

/** Indexes Prisma cannot express (partial, expression) added on purpose: name → why. */
const HAND_WRITTEN_INDEXES: Record<string, string> = {
  member_search_vector_idx: "GIN on the Unsupported(\"tsvector\") column: full-text member search",
  member_name_trgm_idx: "GIN with pg_trgm's gin_trgm_ops: typo-tolerant and prefix search on names",
  member_handle_trgm_idx: "GIN with pg_trgm's gin_trgm_ops: typo-tolerant and prefix search on handles",
  member_name_key_idx: "expression index (lower(name COLLATE \"C\"), id COLLATE \"C\"): the member directory's order",
  linked_account_verified_external_key: "partial unique (network, external_id) WHERE verified_at IS NOT NULL: an account on another network is verified for one member at most",
  member_suspended_idx: "partial index (id) WHERE suspended_at IS NOT NULL: anti-join with the few suspended members",
};

const compare = (schemaText: string, actual: ActualSchema) =>
  compareSchemas(expectedSchema(schemaText), actual, { allowExtraIndexes: Object.keys(HAND_WRITTEN_INDEXES) });

/** Edits a copy of the schema text; fails loudly when the pattern no longer matches. */
function edit(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`The test's edit ${pattern} no longer matches schema.prisma; update the test.`);
  return text.replace(pattern, replacement);
}

describe("migrations ↔ schema.prisma", () => {
  let t: TestDatabase;
  let actual: ActualSchema;

  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
    await migrate(t.opened);
    actual = await t.opened.session(actualSchema);
  });
  afterAll(() => t?.dispose());

  it("an empty database migrated with every migration has exactly the schema of schema.prisma", () => {
    expect(compare(SCHEMA_TEXT, actual)).toEqual([]);
  });

  it("reads every model of schema.prisma and every table of the database", () => {
    const expected = expectedSchema(SCHEMA_TEXT);
    const models = SCHEMA_TEXT.match(/^model \w+ \{/gm) ?? [];
    expect(Object.keys(expected.tables)).toHaveLength(models.length);
    expect(Object.keys(actual.tables).sort()).toEqual([...Object.keys(expected.tables), "_prisma_migrations"].sort());
    expect(expected.tables.member.email).toEqual({ type: "text", notNull: true, default: { kind: "none" } });
    expect(expected.indexes.member_pkey).toMatchObject({ primary: true, columns: ["id"] });
  });

  // Each edit is what a developer might do to schema.prisma without writing a migration.
  it.each([
    ["adds a field", /(\n\s*@@map\("member"\))/, '\n  nickname String?$1', "column member.nickname is in schema.prisma but not in the migrations"],
    ["adds a model", /$/, '\nmodel Badge {\n  id String @id\n  @@map("badge")\n}\n', "table badge is in schema.prisma but no migration creates it"],
    ["removes a field", /\n\s*bio\s+String[^\n]*/, "", "column member.bio is in the migrations but not in schema.prisma"],
    ["removes an Unsupported field", /\n\s*searchVector\s+Unsupported[^\n]*/, "", "column member.search_vector is in the migrations but not in schema.prisma"],
    ["changes an Unsupported type", /Unsupported\("tsvector"\)/, 'Unsupported("tsquery")', "column member.search_vector: schema.prisma says tsquery, the migrations make tsvector"],
    ["renames a column", /@map\("link_x"\)/, '@map("link_twitter")', "column member.link_twitter is in schema.prisma but not in the migrations"],
    ["changes a type", /(\n\s*minPoints\s+)Int/, "$1BigInt", "column policy.min_points: schema.prisma says bigint, the migrations make integer"],
    ["uses a native type", /(\n\s*occurredOn\s+DateTime[^\n]*)@db\.Date/, "$1@db.Timestamptz(3)", "column logged_interaction.occurred_on: schema.prisma says timestamp(3) with time zone, the migrations make date"],
    ["makes a field optional", /(\n\s*name\s+)String(\s)/, "$1String?$2", "column member.name: schema.prisma says nullable, the migrations make it NOT NULL"],
    ["changes a default", /@default\("standard"\)/, '@default("strict")', "column policy.preset: schema.prisma says DEFAULT 'strict', the migrations give DEFAULT 'standard'"],
    ["adds an index", /(\n\s*@@map\("member"\))/, "\n  @@index([name])$1", "index member_name_idx (INDEX ON member(name)) is in schema.prisma but not in the migrations"],
    ["adds a unique field", /(\n\s*name\s+String)(\s)/, "$1 @unique$2", "index member_name_key"],
    ["changes a sort order", /@@index\(\[createdAt\(sort: Desc\), id\]\)/, "@@index([createdAt, id])", "index post_created_at_id_idx: schema.prisma says INDEX ON post(created_at, id), the migrations make INDEX ON post(created_at DESC, id)"],
    ["adds an enum value", /(enum Role \{[^}]*?)(\n\})/, "$1\n  moderator$2", "enum Role: schema.prisma says (member, admin, moderator)"],
    ["changes a referential action", /(sharedPost\s+Post\?[^\n]*onDelete: )SetNull/, "$1Cascade", "foreign key post_shared_post_id_fkey: schema.prisma says post(shared_post_id) → post(id) ON DELETE Cascade"],
  ])("fails when schema.prisma %s without a migration", (_what, pattern, replacement, problem) => {
    const changed = edit(SCHEMA_TEXT, pattern, replacement);
    const problems = compare(changed, actual);
    expect(problems.some((p) => p.includes(problem)), `expected a problem like "${problem}", got:\n${problems.join("\n")}`).toBe(true);
  });

  // And the other way: a migration that does more than schema.prisma says.
  it.each([
    ["adds a column", `ALTER TABLE "member" ADD COLUMN "nickname" TEXT`, "column member.nickname is in the migrations but not in schema.prisma"],
    ["adds a table", `CREATE TABLE "scratch" ("id" INTEGER)`, "table scratch is in the migrations but not in schema.prisma"],
    ["adds an index", `CREATE INDEX "member_name_idx" ON "member"("name")`, "index member_name_idx (INDEX ON member(name)) is in the migrations but not in schema.prisma"],
    ["adds an expression index", `CREATE UNIQUE INDEX "member_lower_email" ON "member"(lower("email"))`, "index member_lower_email"],
    ["names an index its own way", `ALTER INDEX "member_handle_key" RENAME TO "member_handle_unique"`, "the migrations have it as member_handle_unique"],
    ["drops a default", `ALTER TABLE "member" ALTER COLUMN "headline" DROP DEFAULT`, "column member.headline: schema.prisma says DEFAULT '', the migrations give no default"],
    ["drops NOT NULL", `ALTER TABLE "member" ALTER COLUMN "email" DROP NOT NULL`, "column member.email: schema.prisma says NOT NULL, the migrations make it nullable"],
    ["adds a foreign key", `ALTER TABLE "report" ADD CONSTRAINT "report_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "member"("id")`, "foreign key report_resolved_by_id_fkey"],
    ["adds an enum", `CREATE TYPE "Mood" AS ENUM ('calm')`, "enum Mood is in the migrations but not in schema.prisma"],
    ["adds a view", `CREATE VIEW "member_names" AS SELECT "name" FROM "member"`, "relation member_names"],
  ])("fails when a migration %s that schema.prisma does not have", async (_what, sql, problem) => {
    const problems = await withRolledBack(sql);
    expect(problems.some((p) => p.includes(problem)), `expected a problem like "${problem}", got:\n${problems.join("\n")}`).toBe(true);
  });

  it("allows CHECK constraints, which schema.prisma cannot express", async () => {
    expect(await withRolledBack(`ALTER TABLE "member" ADD CONSTRAINT "member_handle_not_empty" CHECK ("handle" <> '')`)).toEqual([]);
  });

  /** Applies DDL in a transaction, compares, rolls back: the shared database stays as migrated. */
  async function withRolledBack(sql: string): Promise<string[]> {
    return t.opened.session(async (run) => {
      await run("BEGIN");
      try {
        await run(sql);
        return compare(SCHEMA_TEXT, await actualSchema(run));
      } finally {
        await run("ROLLBACK");
      }
    });
  }
});

describe("the migration runner", () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  async function freshDatabase() {
    const t = await createTestDatabase({ migrate: false });
    cleanup.push(() => t.dispose());
    return t;
  }

  function copyOfMigrations(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-migrations-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

  it("applies each migration once and records it in _prisma_migrations as prisma migrate deploy does", async () => {
    const { opened } = await freshDatabase();
    const names = fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(names.length).toBeGreaterThan(0);

    expect(await migrate(opened)).toEqual(names);
    expect(await migrate(opened)).toEqual([]);

    const rows = await opened.session((run) =>
      run(
        `SELECT id, migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
         FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      expect(row.checksum).toBe(sha256(path.join(MIGRATIONS_DIR, String(row.migration_name), "migration.sql")));
      expect(String(row.id)).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
    // The runner's own view agrees with the files.
    expect(readMigrations().map((m) => m.checksum)).toEqual(rows.map((r) => r.checksum));
  });

  it("refuses to go on when an applied migration was edited afterwards", async () => {
    const { opened } = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate(opened, dir);
    const [first] = readMigrations(dir);
    fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited after the fact\n");
    await expect(migrate(opened, dir)).rejects.toThrow(`Migration ${first.name} was edited after it was applied`);
  });

  it("rolls back a failing migration entirely and records nothing for it", async () => {
    const { opened } = await freshDatabase();
    const dir = copyOfMigrations();
    const broken = "99990101000000_broken";
    fs.mkdirSync(path.join(dir, broken));
    const file = path.join(dir, broken, "migration.sql");
    fs.writeFileSync(file, `CREATE TABLE "probe" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n`);

    await expect(migrate(opened, dir)).rejects.toThrow(`Migration ${broken} failed and was rolled back`);
    const after = await opened.session(async (run) => ({
      probe: (await run(`SELECT to_regclass('probe') AS t`))[0].t,
      member: (await run(`SELECT to_regclass('member') AS t`))[0].t,
      recorded: (await run(`SELECT migration_name FROM "_prisma_migrations"`)).map((r) => r.migration_name),
    }));
    expect(after.probe).toBeNull();
    expect(after.member).not.toBeNull(); // the migrations before it stay applied
    expect(after.recorded).not.toContain(broken);

    fs.writeFileSync(file, `CREATE TABLE "probe" ("id" INTEGER);\n`);
    expect(await migrate(opened, dir)).toEqual([broken]);
  });
});
