import "server-only";
import type { Tx } from "@/lib/server/db";
import { RELATIONSHIP_TABS, type RelationshipTab } from "@/lib/warmup/relationship-tabs";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { memberCounts, type MemberCounts } from "./member-counts";
import { listNotifications, type NotificationItem } from "./notifications";
import { relationshipReader, type RelationshipItem } from "./relationships";

export type DashboardMember = { id: string; handle: string; name: string; headline: string };

export type Dashboard = {
  /** the oldest few requests waiting for the viewer's answer; `pending.incoming` says how many in all */
  incoming: { id: string; member: DashboardMember; note: string; createdAt: Date }[];
  /** the oldest few of the viewer's own requests still waiting; `pending.outgoing` says how many */
  outgoing: { id: string; member: DashboardMember; createdAt: Date; expiresAt: Date }[];
  pending: { incoming: number; outgoing: number };
  /** the warmest few who are ready (warm), closest first; `counts.ready` says how many in all */
  ready: RelationshipItem[];
  /** the furthest along of those warming up, too new or cooling down */
  warming: RelationshipItem[];
  /** how many relationships each /relationships tab lists */
  counts: Record<RelationshipTab, number>;
  activity: NotificationItem[];
};

/**
 * How many relationships or requests each column shows; the rest are a link away (the
 * "N more" lines lead to /relationships and /requests). Five: a glance, not a list — on a
 * phone the four columns stack into one, and a full dashboard's cost is what it renders
 * (docs/scaling.md, "The dashboard's size").
 */
export const DASHBOARD_SHOWN = 5;

/** "Warming up" on the dashboard: still something to do, or to wait for, before asking. */
export const DASHBOARD_WARMING = [...RELATIONSHIP_TABS.warming, ...RELATIONSHIP_TABS.cooling];

const MEMBER = { select: { id: true, handle: true, name: true, headline: true } } as const;

/**
 * Everything the signed-in home page shows, from the stored relationship summaries: the top
 * of each column and the counts, at a cost that does not grow with the viewer's network
 * (summaries due for a refresh are evaluated afresh and merged in; see listRelationships).
 * A pure read: expired requests are left out here and expired by the write paths and the
 * job worker. `counts`: the member's request counts when the caller already reads them (the
 * page shares the header's statement); read here otherwise.
 */
export async function loadDashboard(
  db: Tx,
  p: { viewerId: string; now: Date; settings: TAppSettings; selfHandle?: string; counts?: Promise<MemberCounts> },
): Promise<Dashboard> {
  const { viewerId, now } = p;
  const pending = { status: "pending", expiresAt: { gt: now } } as const;
  const reader = relationshipReader(db, p);
  const top = (statuses: readonly RelationshipItem["status"][]) =>
    reader.page({ statuses, sort: "closest", cursor: null, limit: DASHBOARD_SHOWN });

  const toAnswer = { recipientId: viewerId, ...pending };
  const asked = { requesterId: viewerId, ...pending };

  // The request counts (the header's statement, usually already read) say whether either list
  // has anything to show: a member with no request waiting either way is spared both reads.
  const requestCounts = p.counts ?? memberCounts(db, { memberId: viewerId, now });
  const oldestWaiting = async <T,>(side: "incoming" | "outgoing", read: () => Promise<T[]>) =>
    (await requestCounts)[side] > 0 ? read() : [];

  const [ready, warming, counts, incoming, outgoing, waiting, activity] = await Promise.all([
    top(RELATIONSHIP_TABS.ready),
    top(DASHBOARD_WARMING),
    reader.counts(),
    oldestWaiting("incoming", () =>
      db.connectionRequest.findMany({
        where: toAnswer,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: DASHBOARD_SHOWN,
        select: { id: true, note: true, createdAt: true, requester: MEMBER },
      }),
    ),
    oldestWaiting("outgoing", () =>
      db.connectionRequest.findMany({
        where: asked,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: DASHBOARD_SHOWN,
        select: { id: true, createdAt: true, expiresAt: true, recipient: MEMBER },
      }),
    ),
    requestCounts,
    listNotifications(db, { memberId: viewerId, take: 6, selfHandle: p.selfHandle, countUnread: false }),
  ]);

  return {
    incoming: incoming.map((r) => ({ id: r.id, member: r.requester, note: r.note, createdAt: r.createdAt })),
    outgoing: outgoing.map((r) => ({ id: r.id, member: r.recipient, createdAt: r.createdAt, expiresAt: r.expiresAt })),
    pending: { incoming: waiting.incoming, outgoing: waiting.outgoing },
    ready: ready.items,
    warming: warming.items,
    counts,
    activity: activity.items,
  };
}
