import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { getAppSettings } from "@/lib/server/settings";
import { emailRequestAnswered } from "@/lib/server/email/events";
import { notify } from "@/lib/server/services/notifications/notify";
import { flagIfTooManyNoDeclines } from "@/lib/server/services/reports/flag-no-declines";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { ZDeclineRequest, type TDeclineRequestInput } from "@/lib/validation/request";
import { cooldownUntil as cooldownEnd } from "@/lib/warmup/cooldown";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { alreadySettled, loadOwnRequest } from "./load-own-request";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * The recipient declines: "not_yet" (keep warming up) or "no". The requester sees the reason
 * and the date they may ask again.
 */
export async function declineRequest(
  db: Db,
  p: { recipientId: string; requestId: string; input: TDeclineRequestInput; now: Date },
) {
  const { recipientId, requestId, now } = p;
  const parsed = ZDeclineRequest.safeParse(p.input);
  if (!parsed.success) throw new AppError("validation", "Please choose a reason.", { fields: fieldErrorsOf(parsed.error) });
  const { reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const req = await loadOwnRequest(tx, { requestId, memberId: recipientId, side: "recipient", now });
    const cooldownUntil = cooldownEnd(reason, now, (await getAppSettings(tx)).requests);
    const { count } = await tx.connectionRequest.updateMany({
      where: { id: req.id, recipientId, status: "pending" },
      data: { status: "declined", declineReason: reason, pendingPairKey: null, decidedAt: now, cooldownUntil },
    });
    if (count !== 1) throw alreadySettled("");
    await refreshPairs(tx, { pairs: [[req.requesterId, req.recipientId]], now });
    await notify(
      tx,
      req.requesterId,
      "request_declined",
      { requestId: req.id, member: req.recipient, reason, cooldownUntil: cooldownUntil.toISOString() },
      now,
    );
    await emailRequestAnswered(tx, {
      requestId: req.id,
      requesterId: req.requesterId,
      byName: req.recipient.name,
      answer: reason === "not_yet" ? { kind: "not_yet", askAgainFrom: cooldownUntil } : { kind: "no" },
      now,
    });
    await recordAudit(tx, {
      actorId: recipientId,
      action: "request.declined",
      subjectType: "connection_request",
      subjectId: req.id,
      data: { requesterId: req.requesterId, reason, cooldownUntil: cooldownUntil.toISOString() },
      at: now,
    });
    // Many "no"s in a short time queue the requester for an admin's look (moderation settings).
    if (reason === "no") await flagIfTooManyNoDeclines(tx, req.requesterId, now, recipientId);
    return { requestId: req.id, reason, cooldownUntil, requester: req.requester };
  });
}
