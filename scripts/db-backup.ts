import path from "node:path";
import { dbTarget } from "@/lib/db/config";
import { backupEmbedded } from "@/lib/db/backup";

// npm run db:backup [-- <file>]   (embedded database; stop the app first)
const target = dbTarget();
if (target.kind !== "pglite") {
  console.error("db:backup is for the embedded database. For PostgreSQL use: pg_dump -Fc \"$DATABASE_URL\" > rapport.dump");
  process.exit(2);
}
const file = process.argv[2] ?? path.join("backups", `rapport-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`);
try {
  const { bytes } = await backupEmbedded(target.dataDir, file);
  console.log(`Backed up ${target.dataDir} to ${file} (${(bytes / 1024).toFixed(0)} KiB).`);
} catch (e) {
  console.error(`Backup failed: ${(e as Error).message}`);
  process.exitCode = 1;
}
