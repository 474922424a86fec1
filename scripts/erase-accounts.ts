import { openDatabase } from "@/lib/db/create-client";
import { describeTarget } from "@/lib/db/config";
import { setDbForTests } from "@/lib/server/db";
import { eraseDueAccounts } from "@/lib/server/services/accounts/erase-account";

/**
 * For a scheduler (cron), and for the embedded database, where the job worker does not run:
 * erases the accounts whose 14 days after "Delete my account" are up — what the worker's
 * hourly `accounts.erase` job does. Safe to run as often as you like and alongside the app.
 *
 *   npm run jobs:erase-accounts
 */
const opened = await openDatabase();
setDbForTests(opened);
try {
  const { erased } = await eraseDueAccounts(opened.db, { now: new Date() });
  console.log(`Erased ${erased} account(s) in ${describeTarget(opened.target)}.`);
} catch (e) {
  console.error(`Erasing accounts failed: ${(e as Error).stack}`);
  process.exitCode = 1;
} finally {
  await opened.close();
}
