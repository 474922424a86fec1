import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { lockMember } from "@/lib/server/services/locks";

/**
 * Refuses a write when the member already made `limit` of them in the rolling window. Takes
 * the member's row lock first, so counting and the caller's insert cannot race with another
 * transaction (or app instance) doing the same. `recent` returns the creation times of the
 * member's rows created after a given instant, newest first, at most `take` of them. The window
 * is open at its start, so at `retryAt` the oldest row no longer counts.
 */
export async function enforceRateLimit(
  tx: Tx,
  p: {
    memberId: string;
    limit: number;
    windowMs: number;
    now: Date;
    /** "post", "comment", "log interactions", "give kudos": the message reads "You can <verb> again at …" */
    verb: string;
    what: string;
    recent: (since: Date, take: number) => Promise<{ createdAt: Date }[]>;
  },
): Promise<void> {
  await lockMember(tx, p.memberId);
  const since = new Date(p.now.getTime() - p.windowMs);
  const rows = await p.recent(since, p.limit);
  if (rows.length < p.limit) return;
  // The limit-th newest row is the one whose ageing out brings the count under the limit.
  const retryAt = new Date(rows[p.limit - 1].createdAt.getTime() + p.windowMs);
  throw new AppError("rate_limited", `You've reached the limit of ${p.limit} ${p.what}. You can ${p.verb} again ${whenText(retryAt, p.now)}.`, {
    retryAt,
    details: { limit: p.limit, windowSeconds: p.windowMs / 1000 },
  });
}

/** "at 14:05 UTC" today, "on 26 Nov at 14:05 UTC" otherwise (rounded up to the minute). */
export function whenText(at: Date, now: Date): string {
  const t = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  const hm = `${String(t.getUTCHours()).padStart(2, "0")}:${String(t.getUTCMinutes()).padStart(2, "0")} UTC`;
  const sameDay = t.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  if (sameDay) return `at ${hm}`;
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(t);
  return `on ${day} at ${hm}`;
}
