import { openDatabase } from "@/lib/db/create-client";
import { describeTarget } from "@/lib/db/config";
import { setDbForTests } from "@/lib/server/db";
import { rebuildSummaries } from "@/lib/server/services/summaries/rebuild";

/**
 * Recomputes every relationship summary from the interactions, requests, connections and
 * blocks (after an import, a restore, or data written outside the app). Safe alongside the
 * app: batches of 500 pairs, each its own transaction; rows a write is holding are left to it.
 *
 *   npm run summaries:rebuild
 */
const opened = await openDatabase();
setDbForTests(opened);
try {
  const started = Date.now();
  const { refreshed } = await rebuildSummaries(opened.db, { now: new Date() });
  console.log(`Rebuilt ${refreshed} relationship summaries in ${describeTarget(opened.target)} (${Date.now() - started} ms).`);
} catch (e) {
  console.error(`Rebuilding summaries failed: ${(e as Error).stack}`);
  process.exitCode = 1;
} finally {
  await opened.close();
}
