import { describeTarget } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/create-client";
import { migrate } from "@/lib/db/migrate";

const opened = await openDatabase();
try {
  const ran = await migrate(opened);
  console.log(
    ran.length ? `Applied ${ran.length} migration(s) to ${describeTarget(opened.target)}: ${ran.join(", ")}` : `Database is up to date (${describeTarget(opened.target)}).`,
  );
} catch (e) {
  console.error(`Migration failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await opened.close();
}
