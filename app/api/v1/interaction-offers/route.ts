import { apiRoute } from "@/lib/server/api/handler";
import { listOffersRoute } from "@/lib/server/api/spec/offers";
import { listOpenOffers } from "@/lib/server/queries/interaction-offers";
import { iso, ref } from "@/lib/server/api/present/common";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(listOffersRoute, async ({ viewer, now }) => {
  const groups = await listOpenOffers(await getDb(), { actorId: viewer.id, now });
  return {
    items: groups.map((g) => ({
      member: ref(g.member),
      network: g.network as "bluesky",
      offers: g.offers.map((o) => ({ id: o.id, kind: o.kind as "reply" | "mention", postUrl: o.postUrl, occurredAt: iso(o.occurredAt) })),
    })),
  };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
