import { openDatabase } from "@/lib/db/create-client";
import { describeTarget } from "@/lib/db/config";
import { setDbForTests } from "@/lib/server/db";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";

/**
 * For a scheduler (cron, a platform job): expires every pending request past its date and
 * tells the requesters. Safe to run as often as you like and alongside the app: requests
 * are also expired by every write that touches them (send, accept, decline…) — never by a
 * read, which shows a lapsed request as expired — and each is expired exactly once.
 *
 *   npm run jobs:expire
 */
const opened = await openDatabase();
setDbForTests(opened);
try {
  const db = opened.db;
  const count = await db.$transaction((tx) => expireRequests(tx, { now: new Date() }));
  console.log(`Expired ${count} request(s) in ${describeTarget(opened.target)}.`);
} catch (e) {
  console.error(`Expiring requests failed: ${(e as Error).stack}`);
  process.exitCode = 1;
} finally {
  await opened.close();
}
