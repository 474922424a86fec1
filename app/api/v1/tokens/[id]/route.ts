import { apiRoute } from "@/lib/server/api/handler";
import { revokeTokenRoute } from "@/lib/server/api/spec/accounts";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";

export const DELETE = apiRoute(revokeTokenRoute, async ({ viewer, params, now }) => {
  await revokeToken(viewer.id, params.id, now);
});
