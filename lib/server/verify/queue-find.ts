import "server-only";
import { enqueueJob } from "@/lib/server/jobs/boss";
import { afterCommit } from "@/lib/server/unit-of-work";
import type { VerifyNetwork } from "@/lib/verify/networks";

/**
 * Asks the worker to look through a member's own public posts now ("Found for you") — after they
 * opt in — once the write has committed. A failed send is only logged: the hourly sweep of
 * `interactions.find` gets to them within the day.
 */
export function queueFindOffers(memberId: string): void {
  queue({ memberId }, `a search for ${memberId}`);
}

/**
 * A member's account on `network` was just verified (`linked` is what the link service
 * returned): their own search can start, and the members who know them and look for their own
 * posts are searched again — a reply to this account did not count as one to a member until now.
 */
export function queueFindAfterVerify(memberId: string, network: VerifyNetwork, linked: { verifiedAt: Date | null }, now: Date): void {
  if (linked.verifiedAt?.getTime() !== now.getTime()) return; // already verified before, or not yet
  queue({ memberId }, `a search for ${memberId}`);
  queue({ about: memberId, network }, `the searches about ${memberId}`);
}

function queue(payload: { memberId: string } | { about: string; network: VerifyNetwork }, what: string) {
  afterCommit(async () => {
    try {
      await enqueueJob("interactions.find", payload);
    } catch (e) {
      console.warn(`[offers] could not queue ${what} (the sweep will): ${(e as Error).message}`);
    }
  });
}
