import { apiRoute } from "@/lib/server/api/handler";
import { removeConnectionRoute } from "@/lib/server/api/spec/social";
import { removeConnection } from "@/lib/server/services/connections/remove-connection";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const DELETE = apiRoute(removeConnectionRoute, async ({ viewer, params, now }) => {
  await removeConnection(await getDb(), { memberId: viewer.id, input: { handle: params.handle }, now });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
