import { apiRoute } from "@/lib/server/api/handler";
import { ref } from "@/lib/server/api/present/common";
import { blockRoute } from "@/lib/server/api/spec/social";
import { blockMember } from "@/lib/server/services/blocks/block";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(blockRoute, async ({ viewer, body, now }) => {
  const r = await blockMember(await getDb(), { blockerId: viewer.id, input: body, now });
  return { member: ref(r.member), withdrawnRequests: r.withdrawnRequests, removedConnection: r.removedConnection };
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
