import { apiRoute } from "@/lib/server/api/handler";
import { withApiFieldNames } from "@/lib/server/api/fields";
import { listLoggedForApi, toLoggedOut } from "@/lib/server/api/logged-interactions";
import { listLoggedRoute, logInteractionRoute } from "@/lib/server/api/spec/interactions";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { getDb } from "@/lib/server/db";
import { queueEvidenceCheck } from "@/lib/server/verify/queue-check";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(logInteractionRoute, async ({ viewer, body, now }) => {
  const { target, ...rest } = body;
  const logged = await withApiFieldNames(async () => logInteraction(await getDb(), { actorId: viewer.id, input: { ...rest, targetHandle: target }, now }), { targetHandle: "target" });
  queueEvidenceCheck(logged);
  return toLoggedOut(logged, viewer.id);
});

export const GET = apiRoute(listLoggedRoute, async ({ viewer, query }) => listLoggedForApi(viewer.id, query));

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
