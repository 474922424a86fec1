import { apiRoute } from "@/lib/server/api/handler";
import { getLoggedForApi } from "@/lib/server/api/logged-interactions";
import { disputeLoggedRoute } from "@/lib/server/api/spec/interactions";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";

export const POST = apiRoute(disputeLoggedRoute, async ({ viewer, params, now }) => {
  await decideLogged(viewer.id, { id: params.id, decision: "dispute" }, now);
  return getLoggedForApi(viewer.id, params.id);
});
