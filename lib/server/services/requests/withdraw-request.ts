import "server-only";
import type { Db } from "@/lib/db/create-client";
import { getAppSettings } from "@/lib/server/settings";
import { cooldownUntil as cooldownEnd } from "@/lib/warmup/cooldown";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { alreadySettled, loadOwnRequest } from "./load-own-request";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * The requester takes the request back. A short cooldown follows (7 days by default), so
 * withdraw-and-resend cannot be used to stay at the top of someone's inbox.
 */
export async function withdrawRequest(db: Db, p: { requesterId: string; requestId: string; now: Date }) {
  const { requesterId, requestId, now } = p;
  return db.$transaction(async (tx) => {
    const req = await loadOwnRequest(tx, { requestId, memberId: requesterId, side: "requester", now });
    const cooldownUntil = cooldownEnd("withdraw", now, (await getAppSettings(tx)).requests);
    const { count } = await tx.connectionRequest.updateMany({
      where: { id: req.id, requesterId, status: "pending" },
      data: { status: "withdrawn", pendingPairKey: null, decidedAt: now, cooldownUntil },
    });
    if (count !== 1) throw alreadySettled("");
    await refreshPairs(tx, { pairs: [[req.requesterId, req.recipientId]], now });
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
