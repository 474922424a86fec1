import { apiRoute } from "@/lib/server/api/handler";
import { addOffersRoute } from "@/lib/server/api/spec/offers";
import { decideOffers } from "@/lib/server/services/offers/decide-offers";
import { toLoggedOut } from "@/lib/server/api/logged-interactions";
import { getDb } from "@/lib/server/db";
import { queueEvidenceCheck } from "@/lib/server/verify/queue-check";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(addOffersRoute, async ({ viewer, params, body, now }) => {
  const out = await decideOffers(await getDb(), { actorId: viewer.id, input: { member: params.handle, decision: "add", offers: body?.offers }, now });
  out.logged.forEach(queueEvidenceCheck);
  return { decided: out.offers.length, logged: out.logged.map((l) => toLoggedOut(l, viewer.id)) };
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
