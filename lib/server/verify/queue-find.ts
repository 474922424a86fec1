import "server-only";
import { enqueueJob } from "@/lib/server/jobs/boss";
import { afterCommit } from "@/lib/server/unit-of-work";

/**
 * Asks the worker to look through a member's Bluesky posts now ("Found for you") — after they
 * opt in, or verify their account while opted in — once the write has committed. A failed send is
 * only logged: the hourly sweep of `interactions.find` gets to them within the day.
 */
export function queueFindOffers(memberId: string): void {
  afterCommit(async () => {
    try {
      await enqueueJob("interactions.find", { memberId });
    } catch (e) {
      console.warn(`[offers] could not queue a search for ${memberId} (the sweep will): ${(e as Error).message}`);
    }
  });
}
