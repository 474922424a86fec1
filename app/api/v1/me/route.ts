import { apiRoute } from "@/lib/server/api/handler";
import { loadMe } from "@/lib/server/api/lookups";
import { meOut } from "@/lib/server/api/present/me";
import { deleteMeRoute, getMeRoute, updateMeRoute } from "@/lib/server/api/spec/accounts";
import { requestAccountDeletion } from "@/lib/server/services/accounts/request-deletion";
import { updateMe } from "@/lib/server/services/accounts/update-me";
import { checkLinkChanges } from "@/lib/server/services/verify/link-changes";
import { iso } from "@/lib/server/api/present/common";
import { getDb } from "@/lib/server/db";
import { queueFindAfterVerify, queueFindOffers } from "@/lib/server/verify/queue-find";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";
import { VERIFY_NETWORKS } from "@/lib/verify/networks";

export const GET = apiRoute(getMeRoute, async ({ viewer }) => loadMe(viewer.id));

export const PATCH = apiRoute(updateMeRoute, {
  // Bluesky, Mastodon and GitHub are asked before the write's transaction opens; a refusal there stores nothing.
  prepare: async ({ viewer, body }) => checkLinkChanges(await getDb(), { memberId: viewer.id, links: body.linkedAccounts ?? {} }),
  write: async ({ viewer, body, now, prepared }) => {
    const { linkedAccounts, findInteractions, ...profile } = body;
    const out = await updateMe(await getDb(), { memberId: viewer.id, changes: { links: prepared, profile, findInteractions }, now });
    // Once committed: the searches an account just verified starts, and a first one when "Found for you" is turned on.
    for (const network of VERIFY_NETWORKS) if (out.links[network]) queueFindAfterVerify(viewer.id, network, out.links[network], now);
    if (out.finding?.findInteractions && out.finding.readable.length > 0) queueFindOffers(viewer.id);
    return meOut(out.me);
  },
});

export const DELETE = apiRoute(deleteMeRoute, async ({ viewer, body, ip, now }) => {
  const { deleteAt } = await requestAccountDeletion(await getDb(), { memberId: viewer.id, input: body, ip, now });
  return { deleteAt: iso(deleteAt) };
});
export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
