import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/create-client";

/** What a handler gets besides its payload: the clock, read once when the job starts. */
export type JobContext = { now: Date };

/** pg-boss retry options of a job's queue (https://pgboss.io: retryLimit, retryDelay in seconds). */
export type JobRetry = { retryLimit: number; retryDelay: number; retryBackoff?: boolean };

/**
 * One background job: a queue name, the payload's schema (checked when it is enqueued and
 * again when it runs), the handler and its retry options. Handlers must be idempotent:
 * pg-boss delivers at least once (a crashed worker's job is retried after expireInSeconds),
 * and several worker instances may run the same kind of job at once.
 */
export type JobDefinition<N extends string = string, S extends z.ZodType = z.ZodType> = {
  name: N;
  payload: S;
  handler: (db: Db, payload: z.output<S>, ctx: JobContext) => Promise<void>;
  retry: JobRetry;
  /** how long one run may take before pg-boss counts it as failed and retries it */
  expireInSeconds: number;
  /**
   * how often an idle worker asks for this job, seconds (default 2, pg-boss's minimum 0.5):
   * the longest a queued job waits for a free worker. Jobs that only run on a schedule ask
   * less often; each ask is a query, and the worker also runs inside the app process.
   */
  pollSeconds?: number;
  /** a recurring run (cron, UTC) with this payload; every worker registers it, pg-boss sends it once */
  schedule?: { cron: string; payload: z.input<S> };
  /** also sent by each worker every this many seconds (cron's minute is too slow for e.g. email); one job per interval across workers */
  repeatSeconds?: number;
};

export function defineJob<const N extends string, S extends z.ZodType>(def: JobDefinition<N, S>): JobDefinition<N, S> {
  return def;
}
