import "server-only";
import { noBlockWith } from "@/lib/server/queries/member-visibility";
import type { Tx } from "@/lib/server/db";
import { oldestLoggableDay } from "@/lib/validation/logged-interaction";

export const OFFERS_SHOWN = 200;

export type OfferRow = { id: string; network: string; postUrl: string; kind: string; occurredAt: Date };
export type OfferGroup = { member: { id: string; handle: string; name: string }; network: string; offers: OfferRow[] };

/**
 * The viewer's open "Found for you" offers, grouped by the member they concern (the group with
 * the newest post first; posts newest first). Offers about someone blocked either way, or older
 * than can be logged, are left out. One query.
 */
export async function listOpenOffers(db: Tx, { actorId, now }: { actorId: string; now: Date }): Promise<OfferGroup[]> {
  const rows = await db.interactionOffer.findMany({
    where: {
      actorId,
      state: "open",
      occurredAt: { gte: oldestLoggableDay(now) },
      target: noBlockWith(actorId),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "asc" }],
    take: OFFERS_SHOWN,
    select: { id: true, network: true, postUrl: true, kind: true, occurredAt: true, target: { select: { id: true, handle: true, name: true } } },
  });
  const groups = new Map<string, OfferGroup>();
  for (const { target, ...offer } of rows) {
    const key = `${target.id} ${offer.network}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { member: target, network: offer.network, offers: [] }));
    g.offers.push(offer);
  }
  return [...groups.values()];
}
