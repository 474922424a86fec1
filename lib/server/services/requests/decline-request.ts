import "server-only";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { getAppSettings } from "@/lib/server/settings";
import { notify } from "@/lib/server/services/notifications/notify";
import { flagIfTooManyNoDeclines } from "@/lib/server/services/reports/flag-no-declines";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { ZDeclineRequest, type DeclineReason } from "@/lib/validation/request";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { alreadySettled, loadOwnRequest } from "./load-own-request";

const DAY = 86_400_000;

/** When the requester may ask again after this answer (the review page spells it out). */
export function cooldownFor(reason: DeclineReason | "withdraw", now: Date, settings: TAppSettings): Date {
  const r = settings.requests;
  const days = reason === "not_yet" ? r.cooldownNotYetDays : reason === "no" ? r.cooldownNoDays : r.cooldownWithdrawDays;
  return new Date(now.getTime() + days * DAY);
}

/**
 * The recipient declines: "not_yet" (keep warming up) or "no". The requester sees the reason
 * and the date they may ask again.
 */
export async function declineRequest(recipientId: string, requestId: string, input: unknown, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const parsed = ZDeclineRequest.safeParse(input);
  if (!parsed.success) throw new AppError("validation", "Please choose a reason.", { fields: fieldErrorsOf(parsed.error) });
  const { reason } = parsed.data;
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadOwnRequest(tx, { requestId, memberId: recipientId, side: "recipient", now });
    const cooldownUntil = cooldownFor(reason, now, await getAppSettings(tx));
    const { count } = await tx.connectionRequest.updateMany({
      where: { id: req.id, recipientId, status: "pending" },
      data: { status: "declined", declineReason: reason, pendingPairKey: null, decidedAt: now, cooldownUntil },
    });
    if (count !== 1) throw alreadySettled("");
    await notify(
      tx,
      req.requesterId,
      "request_declined",
      { requestId: req.id, member: req.recipient, reason, cooldownUntil: cooldownUntil.toISOString() },
      now,
    );
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
