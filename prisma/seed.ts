import { openDatabase } from "@/lib/db/create-client";
import { describeTarget } from "@/lib/db/config";
import { setDbForTests } from "@/lib/server/db";
import { seedDemo } from "./seed/demo";

/**
 * Demo data for a newcomer: a small community with known passwords (see README). Idempotent:
 * members are matched by handle, and content is only added to a community that has none.
 * Runs with `tsx --conditions=react-server` so it can call the app's own services.
 */
const opened = await openDatabase();
setDbForTests(opened);
try {
  const summary = await seedDemo(opened.db, new Date());
  console.log(`Seeded ${describeTarget(opened.target)}: ${summary}`);
} catch (e) {
  console.error(`Seeding failed: ${(e as Error).stack}`);
  process.exitCode = 1;
} finally {
  await opened.close();
}
