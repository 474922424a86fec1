import { apiRoute } from "@/lib/server/api/handler";
import { removeConnectionRoute } from "@/lib/server/api/spec/social";
import { removeConnection } from "@/lib/server/services/connections/remove-connection";

export const DELETE = apiRoute(removeConnectionRoute, async ({ viewer, params, now }) => {
  await removeConnection(viewer.id, { handle: params.handle }, { now });
});
