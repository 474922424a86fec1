import { openDatabase } from "@/lib/db/create-client";
import { describeTarget } from "@/lib/db/config";
import { setDbForTests } from "@/lib/server/db";
import { rebuildSummaries } from "@/lib/server/services/summaries/rebuild";
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
  // Some demo content is written as plain rows, not through the services: build the
  // relationship summaries from what is there now (a small community: well under a second).
  const { refreshed } = await rebuildSummaries(opened.db, { now: new Date() });
  console.log(`Seeded ${describeTarget(opened.target)}: ${summary}; ${refreshed} relationship summaries`);
} catch (e) {
  console.error(`Seeding failed: ${(e as Error).stack}`);
  process.exitCode = 1;
} finally {
  await opened.close();
}
