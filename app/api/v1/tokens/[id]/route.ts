import { apiRoute } from "@/lib/server/api/handler";
import { revokeTokenRoute } from "@/lib/server/api/spec/accounts";
import { revokeToken } from "@/lib/server/services/tokens/revoke-token";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const DELETE = apiRoute(revokeTokenRoute, async ({ viewer, params, now }) => {
  await revokeToken(await getDb(), { memberId: viewer.id, tokenId: params.id, now });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
