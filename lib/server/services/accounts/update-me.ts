import "server-only";
import type { Db } from "@/lib/db/create-client";
import { findMe, type MeRow } from "@/lib/server/queries/me";
import { updateProfile } from "@/lib/server/services/profile/update-profile";
import { writeFindInteractions, type FindSetting } from "@/lib/server/services/offers/find-setting";
import { storeLinkChanges, type LinkChanges, type LinksStored } from "@/lib/server/services/verify/link-changes";
import type { TProfileUpdateInput } from "@/lib/validation/member";

export type MeChanges = {
  /** what checkLinkChanges found: the networks were asked before this transaction */
  links: LinkChanges;
  profile: TProfileUpdateInput;
  findInteractions?: boolean;
};
/**
 * The member as stored (read before the commit), what each link now is and the opt-in: the edge
 * queues the searches they start once the write has committed (queueFindAfterVerify, queueFindOffers).
 */
export type UpdatedMe = { me: MeRow; links: LinksStored; finding: FindSetting | null };

/**
 * PATCH /me in one transaction: the checked links first (they are the part that can still be
 * refused: verified by another member, or changed since they were checked), then the profile
 * fields and the Found-for-you opt-in, then the member as the answer shows them. Any refusal
 * stores nothing of the request.
 */
export async function updateMe(db: Db, { memberId, changes, now }: { memberId: string; changes: MeChanges; now: Date }): Promise<UpdatedMe> {
  return db.$transaction(async (tx) => {
    const links = await storeLinkChanges(tx, { memberId, changes: changes.links, now });
    if (Object.keys(changes.profile).length > 0) await updateProfile(tx, { memberId, input: changes.profile });
    const finding = changes.findInteractions === undefined ? null : await writeFindInteractions(tx, { memberId, on: changes.findInteractions });
    return { me: await findMe(tx, memberId), links, finding };
  });
}
