import "server-only";
import type { z } from "zod";
import type { BlockMade } from "@/lib/server/queries/blocks";
import type { ConnectionItem } from "@/lib/server/queries/connections";
import type { NotificationItem } from "@/lib/server/queries/notifications";
import type { RequestListItem } from "@/lib/server/queries/requests";
import type { RequestSnapshot } from "@/lib/warmup/snapshot";
import type { ZBlockedMember, ZConnection, ZNotification, ZRequest, ZRequestSnapshot } from "@/lib/validation/api/social";
import { iso, isoOrNull, summary } from "./common";

type RequestOut = z.input<typeof ZRequest>;

export function toRequestOut(r: RequestListItem): RequestOut {
  return {
    id: r.id,
    direction: r.direction,
    member: summary(r.member),
    note: r.note,
    status: r.status as RequestOut["status"],
    declineReason: r.declineReason as RequestOut["declineReason"],
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
    decidedAt: isoOrNull(r.decidedAt),
    cooldownUntil: isoOrNull(r.cooldownUntil),
  };
}

export function toSnapshotOut(s: RequestSnapshot | null): z.input<typeof ZRequestSnapshot> | null {
  if (!s) return null;
  return { takenAt: s.takenAt, evaluation: s.evaluation, policy: s.policy, policyText: s.policyText };
}

export const toConnectionOut = (c: ConnectionItem): z.input<typeof ZConnection> => ({ member: summary(c), since: iso(c.since) });

export const toBlockedOut = (b: BlockMade): z.input<typeof ZBlockedMember> => ({ member: summary(b), blockedAt: iso(b.blockedAt) });

export const toNotificationOut = (n: NotificationItem): z.input<typeof ZNotification> => ({
  id: n.id,
  type: n.type,
  text: n.text,
  href: n.href,
  createdAt: iso(n.createdAt),
  read: n.read,
});
