import "server-only";
import type { Tx } from "@/lib/server/db";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { loadRequestBudget } from "@/lib/server/queries/request-budget";
import type { RequestBudget } from "@/lib/warmup/budget";
import type { Evaluation } from "@/lib/warmup/types";
import { isSuspendedAt } from "@/lib/warmup/suspension";
import { sendBarrierOf, type SendBarrier } from "@/lib/warmup/send-decision";
import type { TAppSettings } from "@/lib/validation/app-settings";

export type Relationship = {
  evaluation: Evaluation;
  /** a pending request between the two, either direction */
  pending: { id: string; direction: "incoming" | "outgoing"; createdAt: Date; expiresAt: Date } | null;
  /** the viewer's last declined request to them, while its cooldown runs */
  lastDecline: { reason: string | null; cooldownUntil: Date } | null;
  connectedSince: Date | null;
  budget: RequestBudget;
  /** what stops a request whatever the warm-up: the viewer's unconfirmed email, the member suspended or leaving */
  barrier: SendBarrier | null;
};

/**
 * What the profile's relationship panel needs for the viewer and one member, in a fixed
 * handful of queries (the evaluation's own, plus five). Reads only: expiry is applied by
 * the writes and by `npm run jobs:expire`; the evaluation already ignores expired requests.
 */
export async function loadRelationship(
  db: Tx,
  p: { viewerId: string; otherId: string; now: Date; settings: TAppSettings },
): Promise<Relationship | null> {
  const { viewerId, otherId, now } = p;
  const [a, b] = viewerId < otherId ? [viewerId, otherId] : [otherId, viewerId];
  const { settings } = p;
  const [pending, decline, connection, members] = await Promise.all([
    db.connectionRequest.findFirst({
      where: {
        status: "pending",
        expiresAt: { gt: now },
        OR: [
          { requesterId: viewerId, recipientId: otherId },
          { requesterId: otherId, recipientId: viewerId },
        ],
      },
      select: { id: true, requesterId: true, createdAt: true, expiresAt: true },
    }),
    db.connectionRequest.findFirst({
      where: { requesterId: viewerId, recipientId: otherId, status: "declined", cooldownUntil: { gt: now } },
      orderBy: { cooldownUntil: "desc" },
      select: { declineReason: true, cooldownUntil: true },
    }),
    db.connection.findUnique({ where: { memberAId_memberBId: { memberAId: a, memberBId: b } }, select: { createdAt: true } }),
    db.member.findMany({
      where: { id: { in: [viewerId, otherId] } },
      select: { id: true, emailVerifiedAt: true, suspendedAt: true, suspendedUntil: true, deleteAt: true },
    }),
  ]);
  const viewer = members.find((m) => m.id === viewerId);
  const other = members.find((m) => m.id === otherId);
  const [evaluation, budget] = await Promise.all([
    evaluatePair(db, { viewerId, otherId, role: "requester", now, settings }),
    loadRequestBudget(db, { memberId: viewerId, now, settings }),
  ]);
  if (!evaluation || !viewer || !other) return null;
  return {
    evaluation,
    pending: pending
      ? { id: pending.id, direction: pending.requesterId === viewerId ? "outgoing" : "incoming", createdAt: pending.createdAt, expiresAt: pending.expiresAt }
      : null,
    lastDecline: decline?.cooldownUntil ? { reason: decline.declineReason, cooldownUntil: decline.cooldownUntil } : null,
    connectedSince: connection?.createdAt ?? null,
    budget,
    barrier: sendBarrierOf({
      status: evaluation.status,
      viewer: { emailVerified: viewer.emailVerifiedAt !== null },
      other: { suspended: isSuspendedAt(other, now), leavingOn: other.deleteAt },
    }),
  };
}
