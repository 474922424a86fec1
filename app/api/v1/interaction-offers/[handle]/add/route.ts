import { apiRoute } from "@/lib/server/api/handler";
import { addOffersRoute } from "@/lib/server/api/spec/offers";
import { decideOffers } from "@/lib/server/services/offers/decide-offers";
import { loggedByIdsForApi } from "@/lib/server/api/logged-interactions";
import { getDb } from "@/lib/server/db";
import { queueEvidenceCheck } from "@/lib/server/verify/queue-check";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(addOffersRoute, async ({ viewer, params, now }) => {
  const out = await decideOffers(await getDb(), { actorId: viewer.id, input: { member: params.handle, decision: "add" }, now });
  out.logged.forEach(queueEvidenceCheck);
  return { decided: out.offers.length, logged: await loggedByIdsForApi(viewer.id, out.logged.map((l) => l.id)) };
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
