import "server-only";
import type { Tx } from "@/lib/server/db";
import { BUDGET_WINDOW, requestBudget, type RequestBudget } from "@/lib/warmup/budget";
import type { TAppSettings } from "@/lib/validation/app-settings";

/**
 * How much of their request budget a member has used at `now` (the arithmetic is the
 * core's `requestBudget`). Two queries. Inside a send, call it after lockMember/lockPair
 * so the counts cannot race an insert.
 */
export async function loadRequestBudget(
  db: Tx,
  p: { memberId: string; now: Date; settings: TAppSettings },
): Promise<RequestBudget> {
  const { memberId, now } = p;
  const { weeklyLimit, pendingCap } = p.settings.requests;
  const since = new Date(now.getTime() - BUDGET_WINDOW);
  const [recent, pending] = await Promise.all([
    db.connectionRequest.findMany({
      // No upper bound: a concurrent send (another instance, or a request that took the lock
      // first) may have stored a row stamped a few ms after this request's `now`; it counts.
      where: { requesterId: memberId, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.connectionRequest.findMany({
      where: { requesterId: memberId, status: "pending", expiresAt: { gt: now } },
      select: { expiresAt: true },
      orderBy: { expiresAt: "asc" },
      take: pendingCap,
    }),
  ]);
  return requestBudget({
    weeklyLimit,
    pendingCap,
    recentCreatedAt: recent.map((r) => r.createdAt),
    pendingExpiresAt: pending.map((r) => r.expiresAt),
  });
}
