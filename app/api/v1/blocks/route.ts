import { apiRoute } from "@/lib/server/api/handler";
import { ref } from "@/lib/server/api/present/common";
import { blockRoute } from "@/lib/server/api/spec/social";
import { blockMember } from "@/lib/server/services/blocks/block";

export const POST = apiRoute(blockRoute, async ({ viewer, body, now }) => {
  const r = await blockMember(viewer.id, body, { now });
  return { member: ref(r.member), withdrawnRequests: r.withdrawnRequests, removedConnection: r.removedConnection };
});
