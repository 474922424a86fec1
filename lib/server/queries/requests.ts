import "server-only";
import type { Tx } from "@/lib/server/db";
import { readSnapshot, type RequestSnapshot } from "@/lib/warmup/snapshot";
import type { RequestTab } from "@/lib/validation/request";
import { cursorArgs, cutPage } from "./cursor-page";

export type MemberSummary = { id: string; handle: string; name: string; headline: string };

export type RequestListItem = {
  id: string;
  direction: "incoming" | "outgoing";
  /** the other member */
  member: MemberSummary;
  note: string;
  status: string;
  declineReason: string | null;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  cooldownUntil: Date | null;
};

const MEMBER = { select: { id: true, handle: true, name: true, headline: true } } as const;
const LIST_SELECT = {
  id: true,
  requesterId: true,
  recipientId: true,
  note: true,
  status: true,
  declineReason: true,
  createdAt: true,
  expiresAt: true,
  decidedAt: true,
  cooldownUntil: true,
  requester: MEMBER,
  recipient: MEMBER,
} as const;

/** A row as LIST_SELECT reads it: the item's own columns, and both members. */
type Row = Omit<RequestListItem, "direction" | "member"> & { requesterId: string; requester: MemberSummary; recipient: MemberSummary };

/**
 * A pending request past its expiry is shown as expired, as of its expiry. Reads never
 * write: the row itself is expired by `npm run jobs:expire` and by the write paths.
 */
const isLapsed = (r: { status: string; expiresAt: Date }, now: Date) => r.status === "pending" && r.expiresAt.getTime() <= now.getTime();

function toItem(viewerId: string, r: Row, now: Date): RequestListItem {
  const outgoing = r.requesterId === viewerId;
  const lapsed = isLapsed(r, now);
  return {
    id: r.id,
    direction: outgoing ? "outgoing" : "incoming",
    member: outgoing ? r.recipient : r.requester,
    note: r.note,
    status: lapsed ? "expired" : r.status,
    declineReason: r.declineReason,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    decidedAt: lapsed ? r.expiresAt : r.decidedAt,
    cooldownUntil: r.cooldownUntil,
  };
}

export const HISTORY_PAGE = 30;

/** A member who blocked the viewer no longer exists for them, their past requests included. */
const notHiddenByBlock = (viewerId: string) => ({
  NOT: {
    OR: [
      { requester: { blocksMade: { some: { blockedId: viewerId } } } },
      { recipient: { blocksMade: { some: { blockedId: viewerId } } } },
    ],
  },
});

/**
 * One tab of /requests, in one query. Incoming and outgoing are the pending ones still
 * inside their expiry (oldest incoming first: they have waited longest); history is
 * everything settled or lapsed, in either direction, newest first, by cursor.
 */
export async function listRequests(
  db: Tx,
  p: { viewerId: string; tab: RequestTab; now: Date; cursor?: string | null },
): Promise<{ items: RequestListItem[]; nextCursor: string | null }> {
  const { viewerId, tab, now } = p;
  if (tab === "history") {
    const rows = await db.connectionRequest.findMany({
      where: {
        AND: [
          { OR: [{ status: { not: "pending" } }, { expiresAt: { lte: now } }] },
          { OR: [{ requesterId: viewerId }, { recipientId: viewerId }] },
          notHiddenByBlock(viewerId),
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...cursorArgs(HISTORY_PAGE, p.cursor),
      select: LIST_SELECT,
    });
    const { page, nextCursor } = cutPage(rows, HISTORY_PAGE);
    return { items: page.map((r) => toItem(viewerId, r, now)), nextCursor };
  }
  const rows = await db.connectionRequest.findMany({
    where: { status: "pending", expiresAt: { gt: now }, ...(tab === "incoming" ? { recipientId: viewerId } : { requesterId: viewerId }) },
    orderBy: { createdAt: tab === "incoming" ? "asc" : "desc" },
    take: 200,
    select: LIST_SELECT,
  });
  return { items: rows.map((r) => toItem(viewerId, r, now)), nextCursor: null };
}

export type RequestDetail = RequestListItem & {
  requester: MemberSummary & { bio: string; location: string | null; createdAt: Date };
  recipient: MemberSummary;
  snapshot: RequestSnapshot | null;
  /** the viewer is the recipient (may answer) or the requester (may withdraw) */
  viewerRole: "recipient" | "requester";
};

/** A request as one of its two members sees it at `now` (a lapsed one as expired), or null for anyone else. */
export async function findRequestForViewer(db: Tx, p: { viewerId: string; requestId: string; now: Date }): Promise<RequestDetail | null> {
  const { viewerId, requestId, now } = p;
  const r = await db.connectionRequest.findFirst({
    where: { id: requestId, OR: [{ requesterId: viewerId }, { recipientId: viewerId }], ...notHiddenByBlock(viewerId) },
    select: {
      ...LIST_SELECT,
      snapshot: true,
      requester: { select: { id: true, handle: true, name: true, headline: true, bio: true, location: true, createdAt: true } },
    },
  });
  if (!r) return null;
  return {
    ...toItem(viewerId, r, now),
    requester: r.requester,
    recipient: r.recipient,
    snapshot: readSnapshot(r.snapshot),
    viewerRole: r.requesterId === viewerId ? "requester" : "recipient",
  };
}


