import { dbTarget } from "@/lib/db/config";
import { restoreEmbedded } from "@/lib/db/backup";

// npm run db:restore -- <file>   (embedded database; stop the app first)
const target = dbTarget();
const file = process.argv[2];
if (target.kind !== "pglite") {
  console.error("db:restore is for the embedded database. For PostgreSQL use: pg_restore --clean --if-exists -d \"$DATABASE_URL\" rapport.dump");
  process.exit(2);
}
if (!file) {
  console.error("Usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
try {
  const { movedAside } = await restoreEmbedded(file, target.dataDir);
  console.log(`Restored ${file} into ${target.dataDir}.${movedAside ? ` The previous database was kept at ${movedAside}.` : ""}`);
} catch (e) {
  console.error(`Restore failed: ${(e as Error).message}`);
  process.exitCode = 1;
}
