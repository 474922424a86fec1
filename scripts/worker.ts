import { openDatabase } from "@/lib/db/create-client";
import { dbTarget, describeTarget } from "@/lib/db/config";
import { setDbForTests } from "@/lib/server/db";
import { startWorker } from "@/lib/server/jobs/worker";
import { ALL_JOBS } from "@/lib/server/jobs/registry";
import { workerConcurrency } from "@/lib/server/jobs/in-process";

/**
 * The job worker on its own: runs Rapport's background jobs (lib/server/jobs) from a pg-boss
 * queue in DATABASE_URL's PostgreSQL database (its own `pgboss` schema), with their schedules.
 * For deployments with several app instances started with RAPPORT_WORKER=off; any number of
 * these may run (each job runs once).
 *
 *   npm run worker
 *
 * PostgreSQL only. The embedded database (PGlite) belongs to the app process, which runs the
 * same worker inside itself (`npm start`, `npm run dev`; lib/server/jobs/in-process.ts).
 */
const target = dbTarget();
if (target.kind !== "postgres") {
  console.error(
    `\`npm run worker\` needs PostgreSQL (DATABASE_URL=postgresql://…); this environment uses ${describeTarget(target)}.\n` +
      "The embedded database belongs to the app process, so no second process may open it: there the worker\n" +
      "runs inside the app (`npm start` or `npm run dev`, unless RAPPORT_WORKER=off).",
  );
  process.exit(1);
}

let concurrency: number;
try {
  concurrency = workerConcurrency();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

const opened = await openDatabase(target);
setDbForTests(opened); // services that call getDb() use this process's one client
let worker;
try {
  worker = await startWorker({ db: opened.db, connection: opened.jobs, concurrency });
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
