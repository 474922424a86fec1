import { apiRoute } from "@/lib/server/api/handler";
import { unblockRoute } from "@/lib/server/api/spec/social";
import { unblockMember } from "@/lib/server/services/blocks/unblock";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const DELETE = apiRoute(unblockRoute, async ({ viewer, params, now }) => {
  await unblockMember(await getDb(), { blockerId: viewer.id, input: { handle: params.handle }, now });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
