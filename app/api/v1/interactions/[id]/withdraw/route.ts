import { apiRoute } from "@/lib/server/api/handler";
import { getLoggedForApi } from "@/lib/server/api/logged-interactions";
import { withdrawLoggedRoute } from "@/lib/server/api/spec/interactions";
import { withdrawLogged } from "@/lib/server/services/interactions/withdraw-logged";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(withdrawLoggedRoute, async ({ viewer, params, now }) => {
  await withdrawLogged(await getDb(), { actorId: viewer.id, id: params.id, now });
  return getLoggedForApi(viewer.id, params.id);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
