import "server-only";
import { enqueueJob } from "@/lib/server/jobs/boss";
import { afterCommit } from "@/lib/server/unit-of-work";

/**
 * Asks the worker to check a just-logged interaction's evidence (the edge's part: services never
 * enqueue), once the write has committed — before it, the job could find nothing to check (and on
 * the embedded database it would wait for the connection the write holds). A failed send is only
 * logged: the row stays queued and the job's 5-minute sweep checks it, so the member's request
 * never fails for it.
 */
export function queueEvidenceCheck(logged: { id: string; checkState: string }): void {
  if (logged.checkState !== "queued") return;
  afterCommit(async () => {
    try {
      await enqueueJob("evidence.verify", { loggedId: logged.id });
    } catch (e) {
      console.warn(`[verify] could not queue the check of ${logged.id} (the sweep will): ${(e as Error).message}`);
    }
  });
}
