import "server-only";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { AUTOMATIC_REASON } from "@/lib/validation/report";
import { DAY } from "@/lib/warmup/time";

const WINDOW_DAYS = 90;

/** One open automatic flag per member, whoever declined last. */
export const automaticOpenKey = (memberId: string) => `auto:member:${memberId}:no_declines`;

/**
 * Call in the transaction of a decline with "no", after the decline is written. When the
 * requester's "no" declines in the last 90 days reach the admin's threshold (10 by default),
 * they are queued for review as a report on the member. Rapport has no system account, and a
 * report needs a reporter: the recipient whose "no" crossed the line is recorded (admins see
 * the flag as automatic; the member never sees who reported them). It fires when the count
 * reaches the threshold and again at each further multiple (20, 30, …), so a dismissed flag
 * is not raised again by every single "no" after it. Returns the report id when it flagged.
 */
export async function flagIfTooManyNoDeclines(tx: Tx, requesterId: string, now: Date, declinerId?: string): Promise<string | null> {
  const settings = await getAppSettings(tx);
  const threshold = settings.moderation.noDeclineThreshold;
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY);
  const count = await tx.connectionRequest.count({
    where: { requesterId, status: "declined", declineReason: "no", decidedAt: { gte: since, lte: now } },
  });
  if (count < threshold || count % threshold !== 0) return null;
  const reporterId = declinerId ?? (await lastNoDecliner(tx, requesterId));
  if (!reporterId) return null;
  const openKey = automaticOpenKey(requesterId);
  if (await tx.report.findUnique({ where: { openKey }, select: { id: true } })) return null;
  const report = await tx.report.create({
    data: {
      reporterId,
      subjectType: "member",
      subjectId: requesterId,
      reason: AUTOMATIC_REASON,
      text: `Automatic: ${count} “no” declines in ${WINDOW_DAYS} days.`,
      openKey,
      createdAt: now,
    },
    select: { id: true },
  });
  return report.id;
}

async function lastNoDecliner(tx: Tx, requesterId: string): Promise<string | null> {
  const row = await tx.connectionRequest.findFirst({
    where: { requesterId, status: "declined", declineReason: "no" },
    orderBy: { decidedAt: "desc" },
    select: { recipientId: true },
  });
  return row?.recipientId ?? null;
}
