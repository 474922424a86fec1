import "server-only";
import type { Tx } from "@/lib/server/db";
import { notifyMany } from "@/lib/server/services/notifications/notify";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * Pending requests past their expiry become `expired` (no cooldown: the requester may ask
 * again), and each requester is told. Cheap enough to run whenever requests are read or sent:
 * one UPDATE … RETURNING on the (status, expires_at) index, scoped to `memberIds` when given
 * (as requester or recipient), everyone otherwise (the scheduled job).
 *
 * The update is conditional on status = 'pending', so two overlapping runs (or an accept
 * racing the expiry) cannot both act on the same request.
 */
export async function expireRequests(tx: Tx, opts: { now: Date; memberIds?: string[] }): Promise<number> {
  const { now, memberIds } = opts;
  if (memberIds && memberIds.length === 0) return 0;
  const expired = await tx.connectionRequest.updateManyAndReturn({
    where: {
      status: "pending",
      expiresAt: { lte: now },
      ...(memberIds ? { OR: [{ requesterId: { in: memberIds } }, { recipientId: { in: memberIds } }] } : {}),
    },
    data: { status: "expired", pendingPairKey: null, decidedAt: now },
    // The recipients' names only when something expired: a relation in this select cost every
    // call (every send and answer) a second statement, even with nothing to name.
    select: { id: true, requesterId: true, recipientId: true, expiresAt: true },
  });
  if (expired.length === 0) return 0;
  const recipients = await tx.member.findMany({
    where: { id: { in: [...new Set(expired.map((r) => r.recipientId))] } },
    select: { id: true, handle: true, name: true },
  });
  const recipientOf = new Map(recipients.map((m) => [m.id, { handle: m.handle, name: m.name }]));
  await refreshPairs(tx, { pairs: expired.map((r) => [r.requesterId, r.recipientId] as const), now });
  await notifyMany(
    tx,
    expired.map((r) => ({
      memberId: r.requesterId,
      type: "request_expired" as const,
      data: { requestId: r.id, member: recipientOf.get(r.recipientId) ?? { handle: "", name: "" } },
      at: now,
    })),
  );
  await recordAudit(
    tx,
    expired.map((r) => ({
      actorId: null,
      action: "request.expired" as const,
      subjectType: "connection_request" as const,
      subjectId: r.id,
      data: { requesterId: r.requesterId, recipientId: r.recipientId, expiresAt: r.expiresAt.toISOString() },
      at: now,
    })),
  );
  return expired.length;
}
