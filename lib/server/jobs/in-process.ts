import "server-only";
import { getOpenedDb } from "@/lib/server/db";
import { describeTarget } from "@/lib/db/config";
import { ALL_JOBS } from "./registry";
import { startWorker, type RunningWorker } from "./worker";

/**
 * The job worker inside the app process: `npm start` and `npm run dev` run it unless
 * RAPPORT_WORKER=off (instrumentation-node.ts). On the embedded database this is the only
 * worker there can be (no second process may open the data directory); on PostgreSQL each app
 * instance may run one, or set RAPPORT_WORKER=off and run `npm run worker` beside them.
 */
export type WorkerSetting = "on" | "off";

export function workerSetting(env: Record<string, string | undefined> = process.env): WorkerSetting {
  const raw = (env.RAPPORT_WORKER ?? "").trim().toLowerCase();
  if (raw === "" || raw === "on") return "on";
  if (raw === "off") return "off";
  throw new Error(`RAPPORT_WORKER must be "on" or "off" (got "${env.RAPPORT_WORKER}").`);
}

export function workerConcurrency(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.RAPPORT_WORKER_CONCURRENCY || 1);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`RAPPORT_WORKER_CONCURRENCY must be a whole number ≥ 1 (got "${env.RAPPORT_WORKER_CONCURRENCY}").`);
  }
  return n;
}

const holder = globalThis as unknown as { __rapportWorker?: Promise<RunningWorker> };

/** Starts this process's worker once (a dev-mode reload finds it running). */
export function startInProcessWorker(): Promise<RunningWorker> {
  holder.__rapportWorker ??= (async () => {
    const opened = await getOpenedDb();
    const worker = await startWorker({ db: opened.db, connection: opened.jobs, concurrency: workerConcurrency() });
    console.log(
      `Job worker in this process on ${describeTarget(opened.target)}: ${ALL_JOBS.map((j) => j.name).join(", ")} (RAPPORT_WORKER=off to leave them to \`npm run worker\`).`,
    );
    return worker;
  })().catch((e) => {
    holder.__rapportWorker = undefined;
    throw e;
  });
  return holder.__rapportWorker;
}

/** Stops this process's worker, if it runs: running jobs get up to `timeoutMs` to finish. */
export async function stopInProcessWorker(timeoutMs = 10_000): Promise<void> {
  const running = holder.__rapportWorker;
  holder.__rapportWorker = undefined;
  if (running) await (await running).stop({ timeoutMs });
}
