import "server-only";
import type { Tx } from "@/lib/server/db";
import { policyFromRow } from "@/lib/server/queries/policy";
import { standingsToward, type PairStanding } from "@/lib/server/queries/relationships";
import { describePolicyShort } from "@/lib/warmup/describe";
import type { TAppSettings } from "@/lib/validation/app-settings";

export type PersonBase = { id: string; handle: string; name: string; headline: string; topics: string[] };

/** A member as search results and suggestions show them to the viewer. */
export type PersonCard = PersonBase & {
  /** their protocol in one short phrase */
  protocol: string;
  relationship: PairStanding;
};

/**
 * Adds the viewer's relationship (status and percent, from the stored summaries or evaluated
 * afresh) and each member's protocol in a phrase — three statements for any number of members.
 */
export async function toPersonCards(
  db: Tx,
  p: { viewerId: string; now: Date; settings: TAppSettings; members: readonly PersonBase[] },
): Promise<PersonCard[]> {
  if (p.members.length === 0) return [];
  const ids = p.members.map((m) => m.id);
  const [standings, policies] = await Promise.all([
    standingsToward(db, { viewerId: p.viewerId, now: p.now, memberIds: ids }),
    db.policy.findMany({ where: { memberId: { in: ids } } }),
  ]);
  const policyOf = new Map(policies.map((row) => [row.memberId, row]));
  return p.members.map((m) => ({
    ...m,
    protocol: describePolicyShort(policyFromRow(policyOf.get(m.id), p.settings)),
    relationship: standings.get(m.id) ?? { status: m.id === p.viewerId ? "self" : "cold", percent: 0 },
  }));
}
