import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { OpenedDb } from "./create-client";

/**
 * Applies prisma/migrations/<name>/migration.sql in order, each in its own transaction, and
 * records it in _prisma_migrations exactly as `prisma migrate deploy` does (checksum =
 * SHA-256 of the file), so either tool can take over from the other.
 */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function migrate(opened: OpenedDb, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = readMigrations(dir);
  return opened.session(async (run) => {
    await run(BOOKKEEPING);
    // One migrator at a time, even across app instances sharing a PostgreSQL server.
    const locking = opened.target.kind === "postgres";
    if (locking) await run("SELECT pg_advisory_lock(72270101)");
    try {
      const applied = await run(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const done = new Map(applied.map((r) => [String(r.migration_name), String(r.checksum)]));
      const ran: string[] = [];
      for (const m of migrations) {
        const previous = done.get(m.name);
        if (previous) {
          if (previous !== m.checksum) {
            throw new Error(`Migration ${m.name} was edited after it was applied (checksum differs). Add a new migration instead.`);
          }
          continue;
        }
        try {
          await run(
            `BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) ` +
              `VALUES (${quote(crypto.randomUUID())}, ${quote(m.checksum)}, ${quote(m.name)}, now(), now(), 1);\nCOMMIT;`,
          );
        } catch (e) {
          await run("ROLLBACK").catch(() => {});
          throw new Error(`Migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
        }
        ran.push(m.name);
      }
      return ran;
    } finally {
      if (locking) await run("SELECT pg_advisory_unlock(72270101)").catch(() => {});
    }
  });
}
