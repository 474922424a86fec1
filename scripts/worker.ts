import { openDatabase } from "@/lib/db/create-client";
import { dbTarget, describeTarget } from "@/lib/db/config";
import { setDbForTests } from "@/lib/server/db";
import { startWorker } from "@/lib/server/jobs/worker";
import { ALL_JOBS } from "@/lib/server/jobs/registry";

/**
 * The job worker: runs Rapport's background jobs (lib/server/jobs) from a pg-boss queue in
 * DATABASE_URL's PostgreSQL database (its own `pgboss` schema), with their schedules:
 * `requests.expire` every 5 minutes, `summaries.refresh` every minute. Run it next to
 * `npm start`; any number of instances may run (each job runs once).
 *
 *   npm run worker
 *
 * PostgreSQL only. The embedded database (PGlite) belongs to the app process, so there is
 * no worker there: reads evaluate due summaries afresh, and `npm run jobs:expire` /
 * `npm run summaries:rebuild` do the work by hand (with the app stopped).
 */
const target = dbTarget();
if (target.kind !== "postgres") {
  console.error(
    `The job worker needs PostgreSQL (DATABASE_URL=postgresql://…); this environment uses ${describeTarget(target)}.\n` +
      "The embedded database belongs to the app process, so no second process may open it. Without a worker,\n" +
      "pages evaluate due relationship summaries afresh; run `npm run jobs:expire` and `npm run summaries:rebuild`\n" +
      "(app stopped) to do the jobs' work by hand.",
  );
  process.exit(1);
}

const concurrency = Number(process.env.RAPPORT_WORKER_CONCURRENCY || 1);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`RAPPORT_WORKER_CONCURRENCY must be a whole number ≥ 1 (got "${process.env.RAPPORT_WORKER_CONCURRENCY}").`);
  process.exit(1);
}

const opened = await openDatabase(target);
setDbForTests(opened); // services that call getDb() use this process's one client
let worker;
try {
  worker = await startWorker({ db: opened.db, url: target.url, concurrency });
} catch (e) {
  console.error(`The job worker could not start: ${(e as Error).stack}`);
  await opened.close();
  process.exit(1);
}
console.log(
  `Job worker on ${describeTarget(target)}: ${ALL_JOBS.map((j) => `${j.name}${j.schedule ? ` (${j.schedule.cron})` : ""}`).join(", ")}; concurrency ${concurrency}.`,
);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing running jobs (up to 30 s), then exiting.`);
  try {
    await worker.stop({ timeoutMs: 30_000 });
  } catch (e) {
    console.error(`Stopping the worker failed: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await opened.close().catch(() => {});
  }
};
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
