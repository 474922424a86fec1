import { apiRoute } from "@/lib/server/api/handler";
import { listBlocksForApi } from "@/lib/server/api/lists";
import { ref } from "@/lib/server/api/present/common";
import { toBlockedOut } from "@/lib/server/api/present/social";
import { blockRoute, listBlocksRoute } from "@/lib/server/api/spec/social";
import { blockMember } from "@/lib/server/services/blocks/block";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(listBlocksRoute, async ({ viewer, query }) => {
  const pg = await listBlocksForApi(viewer.id, query);
  return { items: pg.items.map(toBlockedOut), nextCursor: pg.nextCursor };
});

export const POST = apiRoute(blockRoute, async ({ viewer, body, now }) => {
  const r = await blockMember(await getDb(), { blockerId: viewer.id, input: body, now });
  return { member: ref(r.member), withdrawnRequests: r.withdrawnRequests, removedConnection: r.removedConnection };
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
