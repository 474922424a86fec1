import fs from "node:fs";
import path from "node:path";
import { acquireDataDirLock } from "./data-dir-lock";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";

/**
 * Backup and restore of the embedded database: a gzipped tarball of PGlite's data directory,
 * taken through PGlite itself (consistent, unlike copying files under a running database).
 * Both hold the data-directory lock, so they refuse while the app has the database open.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`No embedded database in ${dataDir}.`);
  const release = acquireDataDirLock(dataDir, { exclusive: true });
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
    try {
      const blob = await db.dumpDataDir("gzip");
      const bytes = Buffer.from(await blob.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      fs.writeFileSync(file, bytes);
      return { bytes: bytes.length };
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a backup into `dataDir`. An existing database there is moved aside to
 * `<dataDir>.before-restore-<time>` (never deleted), so a restore can be undone by hand.
 */
export async function restoreEmbedded(file: string, dataDir: string): Promise<{ movedAside: string | null }> {
  const data = fs.readFileSync(file);
  let movedAside: string | null = null;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    const release = acquireDataDirLock(dataDir, { exclusive: true }); // refuses while the app is running
    release();
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(dataDir, movedAside);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const release = acquireDataDirLock(dataDir, { exclusive: true });
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create({ dataDir, loadDataDir: new Blob([data]), extensions: PGLITE_EXTENSIONS });
    await db.query("SELECT 1");
    await db.close();
  } finally {
    release();
  }
  return { movedAside };
}
