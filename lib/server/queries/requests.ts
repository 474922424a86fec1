import "server-only";
import { getDb, type Tx } from "@/lib/server/db";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";
import { readSnapshot, type RequestSnapshot } from "@/lib/warmup/snapshot";
import type { RequestTab } from "@/lib/validation/request";

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

type Row = {
  id: string;
  requesterId: string;
  note: string;
  status: string;
  declineReason: string | null;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  cooldownUntil: Date | null;
  requester: MemberSummary;
  recipient: MemberSummary;
};

function toItem(viewerId: string, r: Row): RequestListItem {
  const outgoing = r.requesterId === viewerId;
  return {
    id: r.id,
    direction: outgoing ? "outgoing" : "incoming",
    member: outgoing ? r.recipient : r.requester,
    note: r.note,
    status: r.status,
    declineReason: r.declineReason,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    decidedAt: r.decidedAt,
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
 * One tab of /requests, in one query after applying expiry for the viewer. Incoming and
 * outgoing are the pending ones (oldest incoming first: they have waited longest);
 * history is everything settled, in either direction, newest first, by cursor.
 */
export async function listRequests(
  viewerId: string,
  tab: RequestTab,
  opts: { now?: Date; db?: Tx; cursor?: string | null } = {},
): Promise<{ items: RequestListItem[]; nextCursor: string | null }> {
  const db = opts.db ?? (await getDb());
  const now = opts.now ?? new Date();
  await expireRequests(db, { now, memberIds: [viewerId] });
  if (tab === "history") {
    const rows = await db.connectionRequest.findMany({
      where: { status: { not: "pending" }, OR: [{ requesterId: viewerId }, { recipientId: viewerId }], ...notHiddenByBlock(viewerId) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_PAGE + 1,
      ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
      select: LIST_SELECT,
    });
    const page = rows.slice(0, HISTORY_PAGE);
    return { items: page.map((r) => toItem(viewerId, r)), nextCursor: rows.length > HISTORY_PAGE ? page.at(-1)!.id : null };
  }
  const rows = await db.connectionRequest.findMany({
    where: { status: "pending", expiresAt: { gt: now }, ...(tab === "incoming" ? { recipientId: viewerId } : { requesterId: viewerId }) },
    orderBy: { createdAt: tab === "incoming" ? "asc" : "desc" },
    take: 200,
    select: LIST_SELECT,
  });
  return { items: rows.map((r) => toItem(viewerId, r)), nextCursor: null };
}

export type RequestDetail = RequestListItem & {
  requester: MemberSummary & { bio: string; location: string | null; createdAt: Date };
  recipient: MemberSummary;
  snapshot: RequestSnapshot | null;
  /** the viewer is the recipient (may answer) or the requester (may withdraw) */
  viewerRole: "recipient" | "requester";
};

/** A request as one of its two members sees it, or null for anyone else. */
export async function findRequestForViewer(viewerId: string, requestId: string, opts: { now?: Date; db?: Tx } = {}): Promise<RequestDetail | null> {
  const db = opts.db ?? (await getDb());
  const now = opts.now ?? new Date();
  await expireRequests(db, { now, memberIds: [viewerId] });
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
    ...toItem(viewerId, r),
    requester: r.requester,
    recipient: r.recipient,
    snapshot: readSnapshot(r.snapshot),
    viewerRole: r.requesterId === viewerId ? "requester" : "recipient",
  };
}


