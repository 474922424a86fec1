import { apiRoute } from "@/lib/server/api/handler";
import { loadMe } from "@/lib/server/api/lookups";
import { deleteMeRoute, getMeRoute, updateMeRoute } from "@/lib/server/api/spec/accounts";
import { requestAccountDeletion } from "@/lib/server/services/accounts/request-deletion";
import { iso } from "@/lib/server/api/present/common";
import { updateProfile } from "@/lib/server/services/profile/update-profile";
import { linkBluesky, unlinkAccount } from "@/lib/server/services/verify/link-account";
import { linkMastodon } from "@/lib/server/services/verify/link-mastodon";
import { linkGitHub } from "@/lib/server/services/verify/link-github";
import { getDb } from "@/lib/server/db";
import { setFindInteractions } from "@/lib/server/services/offers/find-setting";
import { queueFindOffers } from "@/lib/server/verify/queue-find";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getMeRoute, async ({ viewer }) => loadMe(viewer.id));

export const PATCH = apiRoute(updateMeRoute, async ({ viewer, body, now }) => {
  const { linkedAccounts, findInteractions, ...profile } = body;
  const db = await getDb();
  // The links first: they are the part that can still be refused (a missing code, a network down),
  // and the profile fields were already validated with the body.
  let justVerified = false;
  if (linkedAccounts?.bluesky === null) await unlinkAccount(db, { memberId: viewer.id, network: "bluesky" });
  else if (linkedAccounts?.bluesky !== undefined) {
    const linked = await linkBluesky(db, { memberId: viewer.id, handle: linkedAccounts.bluesky, now });
    justVerified = linked.verifiedAt?.getTime() === now.getTime();
  }
  if (linkedAccounts?.mastodon === null) await unlinkAccount(db, { memberId: viewer.id, network: "mastodon" });
  else if (linkedAccounts?.mastodon !== undefined) await linkMastodon(db, { memberId: viewer.id, handle: linkedAccounts.mastodon, now });
  if (linkedAccounts?.github === null) await unlinkAccount(db, { memberId: viewer.id, network: "github" });
  else if (linkedAccounts?.github !== undefined) {
    const linked = await linkGitHub(db, { memberId: viewer.id, input: linkedAccounts.github, now });
    justVerified ||= linked.verifiedAt?.getTime() === now.getTime();
  }
  if (Object.keys(profile).length > 0) await updateProfile(db, { memberId: viewer.id, input: profile });
  // "Found for you": a first search when it is turned on, or when the account it needs is verified.
  const finding = findInteractions !== undefined ? await setFindInteractions(db, { memberId: viewer.id, on: findInteractions }) : null;
  if (finding?.findInteractions || justVerified) queueFindOffers(viewer.id);
  return loadMe(viewer.id);
});

export const DELETE = apiRoute(deleteMeRoute, async ({ viewer, body, ip, now }) => {
  const { deleteAt } = await requestAccountDeletion(await getDb(), { memberId: viewer.id, input: body, ip, now });
  return { deleteAt: iso(deleteAt) };
});
export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
