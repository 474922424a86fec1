import "server-only";
import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { cooldownFor } from "./decline-request";
import { alreadySettled, loadOwnRequest } from "./load-own-request";

/**
 * The requester takes the request back. A short cooldown follows (7 days by default), so
 * withdraw-and-resend cannot be used to stay at the top of someone's inbox.
 */
export async function withdrawRequest(requesterId: string, requestId: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadOwnRequest(tx, { requestId, memberId: requesterId, side: "requester", now });
    const cooldownUntil = cooldownFor("withdraw", now, await getAppSettings(tx));
    const { count } = await tx.connectionRequest.updateMany({
      where: { id: req.id, requesterId, status: "pending" },
      data: { status: "withdrawn", pendingPairKey: null, decidedAt: now, cooldownUntil },
    });
    if (count !== 1) throw alreadySettled("");
    await recordAudit(tx, {
      actorId: requesterId,
      action: "request.withdrawn",
      subjectType: "connection_request",
      subjectId: req.id,
      data: { recipientId: req.recipientId, cooldownUntil: cooldownUntil.toISOString() },
      at: now,
    });
    return { requestId: req.id, cooldownUntil, recipient: req.recipient };
  });
}
