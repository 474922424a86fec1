import "server-only";
import type { Tx } from "@/lib/server/db";
import { loadRelatedInputs } from "@/lib/server/queries/warmup-inputs";
import { evaluate } from "@/lib/warmup/evaluate";
import type { Evaluation } from "@/lib/warmup/types";
import { listNotifications, type NotificationItem } from "./notifications";

export type DashboardMember = { id: string; handle: string; name: string; headline: string };
export type DashboardRelationship = { member: DashboardMember; evaluation: Evaluation; nextStep: string | null };

export type Dashboard = {
  incoming: { id: string; member: DashboardMember; note: string; createdAt: Date }[];
  outgoing: { id: string; member: DashboardMember; createdAt: Date; expiresAt: Date }[];
  ready: DashboardRelationship[];
  warming: DashboardRelationship[];
  activity: NotificationItem[];
};

/** Statuses shown under "Warming up": still something to do (or to wait for) before asking. */
const WARMING = new Set(["warming", "cooldown", "too_new"]);

/**
 * Everything the signed-in home page shows, in one round of queries whatever the size of the
 * viewer's network: the related members (anyone with an interaction either way inside the
 * longest freshness window, plus pending-request counterparts) are found and evaluated
 * together (loadRelatedInputs), never one by one. A pure read: expired requests are left
 * out here and expired by the write paths and `npm run jobs:expire`.
 */
export async function loadDashboard(db: Tx, p: { viewerId: string; now: Date; selfHandle?: string }): Promise<Dashboard> {
  const { viewerId, now } = p;
  const pending = { status: "pending", expiresAt: { gt: now } } as const;
  const request = { id: true, requesterId: true, recipientId: true, note: true, createdAt: true, expiresAt: true } as const;

  const [{ inputs, members }, incoming, outgoing, activity] = await Promise.all([
    loadRelatedInputs(db, { viewerId, now }),
    db.connectionRequest.findMany({ where: { recipientId: viewerId, ...pending }, orderBy: { createdAt: "asc" }, select: request }),
    db.connectionRequest.findMany({ where: { requesterId: viewerId, ...pending }, orderBy: { createdAt: "asc" }, select: request }),
    listNotifications(db, { memberId: viewerId, take: 6, selfHandle: p.selfHandle, countUnread: false }),
  ]);

  const ready: DashboardRelationship[] = [];
  const warming: DashboardRelationship[] = [];
  for (const [id, input] of inputs) {
    const evaluation = evaluate(input);
    if (evaluation.status !== "warm" && !WARMING.has(evaluation.status)) continue;
    const row = { member: members.get(id)!, evaluation, nextStep: evaluation.nextSteps[0] ?? null };
    (evaluation.status === "warm" ? ready : warming).push(row);
  }
  // Warmest first; ties by name so the order is stable between visits.
  const order = (a: DashboardRelationship, b: DashboardRelationship) =>
    b.evaluation.percent - a.evaluation.percent || a.member.name.localeCompare(b.member.name);
  ready.sort(order);
  warming.sort(order);

  // Pending counterparts are in the related set, read in the same round (a request sent
  // between the two reads shows on the next visit).
  return {
    incoming: incoming.flatMap((r) => {
      const member = members.get(r.requesterId);
      return member ? [{ id: r.id, member, note: r.note, createdAt: r.createdAt }] : [];
    }),
    outgoing: outgoing.flatMap((r) => {
      const member = members.get(r.recipientId);
      return member ? [{ id: r.id, member, createdAt: r.createdAt, expiresAt: r.expiresAt }] : [];
    }),
    ready,
    warming,
    activity: activity.items,
  };
}
