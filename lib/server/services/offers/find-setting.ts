import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import type { VerifyNetwork } from "@/lib/verify/networks";
import { FINDABLE_NETWORKS } from "@/lib/verify/networks";

/** The opt-in, and the networks Rapport can read for this member now (verified accounts with a reader). */
export type FindSetting = { findInteractions: boolean; readable: VerifyNetwork[] };

/**
 * "Look for our public replies and mentions and offer them to me": the member's own opt-in (off
 * by default). It only reads the member's own public posts, so only their consent is asked.
 * Turning it off stops the finder and forgets the offers still open (they were read under the
 * consent just withdrawn); added and dismissed ones stay remembered, so turning it on again never
 * offers them twice. The edge queues a first search when it is turned on with a verified account.
 */
export async function setFindInteractions(db: Db, { memberId, on }: { memberId: string; on: boolean }): Promise<FindSetting> {
  return db.$transaction((tx) => writeFindInteractions(tx, { memberId, on }));
}

/** setFindInteractions inside the caller's transaction (PATCH /me writes it with the rest of the member). */
export async function writeFindInteractions(tx: Tx, { memberId, on }: { memberId: string; on: boolean }): Promise<FindSetting> {
  const m = await tx.member.update({
    where: { id: memberId },
    data: { findInteractions: on },
    select: { findInteractions: true, linkedAccounts: { where: { network: { in: [...FINDABLE_NETWORKS] }, verifiedAt: { not: null } }, select: { network: true } } },
  });
  if (!on) await tx.interactionOffer.deleteMany({ where: { actorId: memberId, state: "open" } });
  return { findInteractions: m.findInteractions, readable: m.linkedAccounts.map((a) => a.network as VerifyNetwork) };
}
