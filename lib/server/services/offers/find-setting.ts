import "server-only";
import type { Db } from "@/lib/db/create-client";

export type FindSetting = { findInteractions: boolean; blueskyVerified: boolean };

/**
 * "Look for our public replies and mentions on Bluesky and offer them to me": the member's own
 * opt-in (off by default). It only reads the member's own public posts, so only their consent
 * is asked. Turning it off stops the finder and forgets the offers still open (they were read
 * from the feed under the consent just withdrawn); added and dismissed ones stay remembered, so
 * turning it on again never offers them twice. The edge queues a first search when it is turned
 * on with a verified account.
 */
export async function setFindInteractions(db: Db, { memberId, on }: { memberId: string; on: boolean }): Promise<FindSetting> {
  return db.$transaction(async (tx) => {
    const m = await tx.member.update({
      where: { id: memberId },
      data: { findInteractions: on },
      select: { findInteractions: true, linkedAccounts: { where: { network: "bluesky", verifiedAt: { not: null } }, select: { id: true } } },
    });
    if (!on) await tx.interactionOffer.deleteMany({ where: { actorId: memberId, state: "open" } });
    return { findInteractions: m.findInteractions, blueskyVerified: m.linkedAccounts.length > 0 };
  });
}
