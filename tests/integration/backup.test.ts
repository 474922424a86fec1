import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";
import { backupEmbedded, restoreEmbedded } from "@/lib/db/backup";
import { seedDemo } from "@/prisma/seed/demo";
import { setDbForTests } from "@/lib/server/db";

// Always the embedded database, whatever DATABASE_URL says: this is its backup tool.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function snapshot(dataDir: string) {
  const opened = await openDatabase({ kind: "pglite", dataDir });
  try {
    const [members, policies, sample] = await Promise.all([
      opened.db.member.count(),
      opened.db.policy.count(),
      opened.db.member.findMany({ orderBy: { handle: "asc" }, take: 5, select: { id: true, handle: true, email: true, passwordHash: true, createdAt: true } }),
    ]);
    return { members, policies, sample };
  } finally {
    await opened.close();
  }
}

describe("embedded database backup and restore", () => {
  it("round-trips a seeded database: same counts and the same rows", async () => {
    const source = path.join(tmp, "source");
    const opened = await openDatabase({ kind: "pglite", dataDir: source });
    await migrate(opened);
    // The seed writes content through the app's services, which use the app's database.
    setDbForTests(opened);
    try {
      await seedDemo(opened.db, new Date());
    } finally {
      setDbForTests(undefined);
    }
    await opened.close();
    const before = await snapshot(source);
    expect(before.members).toBeGreaterThanOrEqual(10);

    const file = path.join(tmp, "backup.tar.gz");
    await backupEmbedded(source, file);
    const target = path.join(tmp, "restored");
    await restoreEmbedded(file, target);

    expect(await snapshot(target)).toEqual(before);
  }, 120_000);

  it("keeps the database it replaces instead of deleting it", async () => {
    const target = path.join(tmp, "restored");
    const { movedAside } = await restoreEmbedded(path.join(tmp, "backup.tar.gz"), target);
    expect(movedAside).not.toBeNull();
    expect(fs.existsSync(path.join(movedAside!, "PG_VERSION"))).toBe(true);
  }, 120_000);

  it("refuses to back up a database another process has open", async () => {
    const dir = path.join(tmp, "busy");
    const opened = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      await expect(backupEmbedded(dir, path.join(tmp, "busy.tar.gz"))).rejects.toThrow(/already open/);
    } finally {
      await opened.close();
    }
  }, 60_000);
});
