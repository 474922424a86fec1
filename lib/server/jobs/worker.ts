import "server-only";
import type { PgBoss } from "pg-boss";
import type { Db, JobsConnection } from "@/lib/db/create-client";
import { systemNow } from "@/lib/server/clock";
import type { JobDefinition } from "./define";
import { createBoss, ensureQueues, useBossForEnqueue } from "./boss";
import { ALL_JOBS } from "./registry";

export type WorkerOptions = {
  /** the app's database, handed to every handler */
  db: Db;
  /** how pg-boss reaches the same database (OpenedDb.jobs): its own pool, or the embedded instance */
  connection: JobsConnection;
  /** the jobs to run (default: every registered job) */
  jobs?: readonly JobDefinition[];
  /** jobs of each kind run at once in this process (RAPPORT_WORKER_CONCURRENCY, default 1) */
  concurrency?: number;
  /** how often an idle queue is polled, seconds, for every job (default: each job's pollSeconds, else 2) */
  pollingIntervalSeconds?: number;
  /** register the recurring schedules (default true) */
  schedules?: boolean;
  log?: (line: string) => void;
};

export type RunningWorker = {
  boss: PgBoss;
  /** stops fetching, waits up to `timeoutMs` for running jobs, closes pg-boss's pool (not `db`) */
  stop: (opts?: { timeoutMs?: number }) => Promise<void>;
};

/**
 * Starts pg-boss on the database (installing or migrating its `pgboss` schema), creates the
 * queues, works them and registers the schedules. Several workers may run against one
 * PostgreSQL database: each job is fetched by one of them (SKIP LOCKED), and a schedule sends
 * one job per tick. On the embedded database there is one, inside the app process.
 */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const jobs = o.jobs ?? ALL_JOBS;
  const concurrency = o.concurrency ?? 1;
  const log = o.log ?? ((line: string) => console.log(line));
  const boss = createBoss(o.connection, { role: "worker", max: Math.max(4, concurrency * jobs.length + 2) });
  await boss.start();
  try {
    await ensureQueues(boss, jobs);
    for (const def of jobs) {
      await boss.work<unknown>(
        def.name,
        { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: o.pollingIntervalSeconds ?? def.pollSeconds ?? 2 },
        async ([job]) => {
          try {
            const payload = def.payload.parse(job.data ?? {});
            await def.handler(o.db, payload, { now: systemNow() });
          } catch (e) {
            log(`[jobs] ${def.name} ${job.id} attempt ${job.retryCount + 1} failed: ${(e as Error).message}`);
            throw e; // pg-boss retries it (retryLimit), then marks it failed
          }
        },
      );
      if (def.schedule && o.schedules !== false) {
        await boss.schedule(def.name, def.schedule.cron, def.payload.parse(def.schedule.payload) as object, { tz: "UTC" });
      }
    }
  } catch (e) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw e;
  }
  const timers = o.schedules === false ? [] : jobs.filter((d) => d.repeatSeconds).map((def) => repeat(boss, def, log));
  useBossForEnqueue(boss);
  return {
    boss,
    stop: async (opts) => {
      timers.forEach(clearInterval);
      useBossForEnqueue(undefined);
      await boss.stop({ graceful: true, timeout: opts?.timeoutMs ?? 30_000 });
    },
  };
}

/** Sends `def` every `repeatSeconds`; the singleton key makes it one job per interval however many workers send it. */
function repeat(boss: PgBoss, def: JobDefinition, log: (line: string) => void): ReturnType<typeof setInterval> {
  const seconds = def.repeatSeconds!;
  const payload = def.payload.parse(def.schedule?.payload ?? {}) as object;
  const timer = setInterval(() => {
    boss.send(def.name, payload, { singletonKey: "repeat", singletonSeconds: seconds }).catch((e) => log(`[jobs] ${def.name} repeat: ${(e as Error).message}`));
  }, seconds * 1000);
  timer.unref();
  return timer;
}
