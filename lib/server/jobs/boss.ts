import "server-only";
import { PgBoss } from "pg-boss";
import type { JobsConnection } from "@/lib/db/create-client";
import { getOpenedDb } from "@/lib/server/db";
import type { JobDefinition } from "./define";
import { ALL_JOBS, jobByName, type JobName, type JobPayload } from "./registry";

/** pg-boss keeps its tables in a schema of its own, beside the app's `public` tables. */
export const BOSS_SCHEMA = "pgboss";

/**
 * A pg-boss instance on the app's database: its own pool on a PostgreSQL server, or the
 * process's PGlite instance on the embedded database (pg-boss takes any `db` that runs SQL;
 * tests/integration/jobs/worker.test.ts runs the same jobs on both). A worker supervises
 * (maintenance) and runs the schedules; a sender only sends.
 */
export function createBoss(connection: JobsConnection, opts: { role: "worker" | "sender"; max?: number }): PgBoss {
  const worker = opts.role === "worker";
  const common = { schema: BOSS_SCHEMA, supervise: worker, schedule: worker };
  const boss =
    connection.kind === "url"
      ? new PgBoss({
          ...common,
          connectionString: connection.url,
          application_name: worker ? "rapport-worker" : "rapport-jobs",
          max: opts.max ?? (worker ? 10 : 2),
        })
      : new PgBoss({ ...common, db: { executeSql: connection.executeSql } });
  // Without a listener an error event would end the process; pg-boss retries on its own.
  boss.on("error", (e) => console.error(`[jobs] ${(e as Error).stack ?? e}`));
  return boss;
}

/** Creates each job's queue, or brings its retry and expiry options in line with the code. */
export async function ensureQueues(boss: PgBoss, jobs: readonly JobDefinition[]): Promise<void> {
  for (const def of jobs) {
    const options = {
      retryLimit: def.retry.retryLimit,
      retryDelay: def.retry.retryDelay,
      retryBackoff: def.retry.retryBackoff ?? false,
      expireInSeconds: def.expireInSeconds,
    };
    if (await boss.getQueue(def.name)) {
      await boss.updateQueue(def.name, options);
      continue;
    }
    try {
      await boss.createQueue(def.name, options);
    } catch (e) {
      // another instance created it at the same moment
      if (!(await boss.getQueue(def.name))) throw e;
    }
  }
}

/** Sends one job; the payload is checked against the job's schema first. Returns the job id (null if pg-boss deduplicated it). */
export async function sendJob<D extends JobDefinition>(boss: PgBoss, def: D, payload: unknown): Promise<string | null> {
  const data = def.payload.parse(payload) as object;
  return boss.send(def.name, data);
}

const holder = globalThis as unknown as { __rapportBoss?: Promise<PgBoss> };

/** Makes enqueueJob in this process send through `boss` (the worker does this with its own instance). */
export function useBossForEnqueue(boss: PgBoss | undefined): void {
  holder.__rapportBoss = boss ? Promise.resolve(boss) : undefined;
}

function sender(): Promise<PgBoss> {
  holder.__rapportBoss ??= (async () => {
    const boss = createBoss((await getOpenedDb()).jobs, { role: "sender" });
    await boss.start();
    await ensureQueues(boss, ALL_JOBS);
    return boss;
  })().catch((e) => {
    holder.__rapportBoss = undefined;
    throw e;
  });
  return holder.__rapportBoss;
}

/**
 * Queues a job for the worker (in-process in `npm start`, or `npm run worker`), on either
 * database. Services never call this (they must work without a worker); the edge and
 * scripts may.
 */
export async function enqueueJob<N extends JobName>(name: N, payload: JobPayload<N>): Promise<string | null> {
  return sendJob(await sender(), jobByName(name), payload);
}
