import "server-only";
import { DAY } from "@/lib/warmup/time";
import type { Tx } from "@/lib/server/db";

export const RECORD_WINDOW_DAYS = 90;

export type RequesterRecord = {
  windowDays: number;
  /** requests sent in the window */
  sent: number;
  /** of those, accepted */
  accepted: number;
  /** of those, declined with "no" */
  declinedNo: number;
  /** of those, still waiting for an answer */
  pending: number;
};

/**
 * A requester's recent record, as plain facts for the recipient deciding on their request
 * (a "business card ninja" sends many and gets few accepted). Counts the requests sent in
 * the last 90 days and what became of them, in one query.
 */
export async function requesterRecord(client: Tx, p: { memberId: string; now: Date }): Promise<RequesterRecord> {
  const { memberId, now } = p;
  const since = new Date(now.getTime() - RECORD_WINDOW_DAYS * DAY);
  const groups = await client.connectionRequest.groupBy({
    by: ["status", "declineReason"],
    where: { requesterId: memberId, createdAt: { gte: since, lte: now } },
    _count: { _all: true },
  });
  const count = (p: (g: (typeof groups)[number]) => boolean) => groups.filter(p).reduce((n, g) => n + g._count._all, 0);
  return {
    windowDays: RECORD_WINDOW_DAYS,
    sent: count(() => true),
    accepted: count((g) => g.status === "accepted"),
    declinedNo: count((g) => g.status === "declined" && g.declineReason === "no"),
    pending: count((g) => g.status === "pending"),
  };
}
