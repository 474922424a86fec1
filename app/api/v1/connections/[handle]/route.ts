import { apiRoute } from "@/lib/server/api/handler";
import { removeConnectionRoute } from "@/lib/server/api/spec/social";
import { removeConnection } from "@/lib/server/services/connections/remove-connection";
import { getDb } from "@/lib/server/db";

export const DELETE = apiRoute(removeConnectionRoute, async ({ viewer, params, now }) => {
  await removeConnection(await getDb(), { memberId: viewer.id, input: { handle: params.handle }, now });
});
