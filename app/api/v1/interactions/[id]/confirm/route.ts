import { apiRoute } from "@/lib/server/api/handler";
import { getLoggedForApi } from "@/lib/server/api/logged-interactions";
import { confirmLoggedRoute } from "@/lib/server/api/spec/interactions";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(confirmLoggedRoute, async ({ viewer, params, now }) => {
  await decideLogged(await getDb(), { targetId: viewer.id, input: { id: params.id, decision: "confirm" }, now });
  return getLoggedForApi(viewer.id, params.id);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
