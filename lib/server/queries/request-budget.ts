import "server-only";
import type { Tx } from "@/lib/server/db";
import { BUDGET_WINDOW, requestBudget, type RequestBudget } from "@/lib/warmup/budget";
import type { TAppSettings } from "@/lib/validation/app-settings";

/**
 * How much of their request budget a member has used at `now` (the arithmetic is the
 * core's `requestBudget`). One statement. Inside a send, call it after lockMember/lockPair
 * so the counts cannot race an insert.
 */
export async function loadRequestBudget(
  db: Tx,
  p: { memberId: string; now: Date; settings: TAppSettings },
): Promise<RequestBudget> {
  const { memberId, now } = p;
  const { weeklyLimit, pendingCap } = p.settings.requests;
  const since = new Date(now.getTime() - BUDGET_WINDOW);
  // No upper bound on the recent ones: a concurrent send (another instance, or a request that
  // took the lock first) may have stored a row stamped a few ms after this request's `now`; it counts.
  const [row] = await db.$queryRaw<{ recent: number[] | null; pending: number[] | null }[]>`
    SELECT
      ARRAY(SELECT (extract(epoch FROM created_at) * 1000)::float8 FROM connection_request
            WHERE requester_id = ${memberId} AND created_at > ${since} ORDER BY created_at) AS recent,
      ARRAY(SELECT (extract(epoch FROM expires_at) * 1000)::float8 FROM connection_request
            WHERE requester_id = ${memberId} AND status = 'pending' AND expires_at > ${now}
            ORDER BY expires_at LIMIT ${pendingCap}) AS pending`;
  return requestBudget({
    weeklyLimit,
    pendingCap,
    recentCreatedAt: (row?.recent ?? []).map((ms) => new Date(Number(ms))),
    pendingExpiresAt: (row?.pending ?? []).map((ms) => new Date(Number(ms))),
  });
}
