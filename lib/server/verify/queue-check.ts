import "server-only";
import { enqueueJob } from "@/lib/server/jobs/boss";

/**
 * Asks the worker to check a just-logged interaction's evidence (the edge's part: services never
 * enqueue). A failed send is only logged: the row stays queued and the job's 5-minute sweep
 * checks it, so the member's request never fails for it.
 */
export async function queueEvidenceCheck(logged: { id: string; checkState: string }): Promise<void> {
  if (logged.checkState !== "queued") return;
  try {
    await enqueueJob("evidence.verify", { loggedId: logged.id });
  } catch (e) {
    console.warn(`[verify] could not queue the check of ${logged.id} (the sweep will): ${(e as Error).message}`);
  }
}
