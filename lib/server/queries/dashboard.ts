import "server-only";
import { getDb, type Tx } from "@/lib/server/db";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";
import { evaluatePairs } from "@/lib/server/services/warmup/evaluate-pairs";
import { POLICY_BOUNDS } from "@/lib/warmup/policy";
import type { Evaluation } from "@/lib/warmup/types";
import { listNotifications, type NotificationItem } from "./notifications";

const DAY = 86_400_000;

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
 * Everything the signed-in home page shows, in a fixed number of queries whatever the size of
 * the viewer's network: the related members (anyone with an interaction either way inside the
 * longest freshness window, plus pending-request counterparts) are evaluated in ONE
 * evaluatePairs call, never one by one.
 */
export async function loadDashboard(
  viewerId: string,
  opts: { now?: Date; db?: Tx; selfHandle?: string } = {},
): Promise<Dashboard> {
  const db = opts.db ?? (await getDb());
  const now = opts.now ?? new Date();
  await expireRequests(db, { now, memberIds: [viewerId] });
  const since = new Date(now.getTime() - POLICY_BOUNDS.freshnessDays.max * DAY);
  const member = { select: { id: true, handle: true, name: true, headline: true } } as const;

  const [incoming, outgoing, targets, actors, activity] = await Promise.all([
    db.connectionRequest.findMany({
      where: { recipientId: viewerId, status: "pending", expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      select: { id: true, note: true, createdAt: true, requester: member },
    }),
    db.connectionRequest.findMany({
      where: { requesterId: viewerId, status: "pending", expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, expiresAt: true, recipient: member },
    }),
    db.interaction.groupBy({ by: ["targetId"], where: { actorId: viewerId, occurredAt: { gte: since, lte: now } } }),
    db.interaction.groupBy({ by: ["actorId"], where: { targetId: viewerId, occurredAt: { gte: since, lte: now } } }),
    listNotifications(viewerId, { take: 6, db, selfHandle: opts.selfHandle }),
  ]);

  const related = [
    ...new Set([
      ...targets.map((t) => t.targetId),
      ...actors.map((a) => a.actorId),
      ...incoming.map((r) => r.requester.id),
      ...outgoing.map((r) => r.recipient.id),
    ]),
  ].filter((id) => id !== viewerId);
  const [evaluations, members] = await Promise.all([
    evaluatePairs(viewerId, related, { role: "requester", now, db }),
    db.member.findMany({ where: { id: { in: related } }, select: member.select }),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));

  const ready: DashboardRelationship[] = [];
  const warming: DashboardRelationship[] = [];
  for (const [id, evaluation] of evaluations) {
    const m = byId.get(id);
    if (!m) continue;
    const row = { member: m, evaluation, nextStep: evaluation.nextSteps[0] ?? null };
    if (evaluation.status === "warm") ready.push(row);
    else if (WARMING.has(evaluation.status)) warming.push(row);
  }
  // Warmest first; ties by name so the order is stable between visits.
  const order = (a: DashboardRelationship, b: DashboardRelationship) =>
    b.evaluation.percent - a.evaluation.percent || a.member.name.localeCompare(b.member.name);
  ready.sort(order);
  warming.sort(order);

  return {
    incoming: incoming.map((r) => ({ id: r.id, member: r.requester, note: r.note, createdAt: r.createdAt })),
    outgoing: outgoing.map((r) => ({ id: r.id, member: r.recipient, createdAt: r.createdAt, expiresAt: r.expiresAt })),
    ready,
    warming,
    activity: activity.items,
  };
}
