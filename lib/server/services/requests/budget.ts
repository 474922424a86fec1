import "server-only";
import type { Tx } from "@/lib/server/db";
import type { TAppSettings } from "@/lib/validation/app-settings";

const DAY = 86_400_000;
export const BUDGET_WINDOW_MS = 7 * DAY;

export type RequestBudget = {
  weeklyLimit: number;
  sentThisWeek: number;
  /** set when the weekly limit is reached: when the next request may be sent */
  weeklyFreesAt: Date | null;
  pendingCap: number;
  pendingOutgoing: number;
  /** set when the pending cap is reached: when the earliest pending request expires */
  pendingFreesAt: Date | null;
};

/**
 * How much of their request budget a member has used at `now`: requests they created in the
 * rolling 7 days (whatever became of them) and their outgoing pending requests. Two queries.
 * Inside a send, call it after lockMember/lockPair so the counts cannot race an insert.
 */
export async function loadRequestBudget(tx: Tx, memberId: string, now: Date, settings: TAppSettings): Promise<RequestBudget> {
  const { weeklyLimit, pendingCap } = settings.requests;
  const since = new Date(now.getTime() - BUDGET_WINDOW_MS);
  const [recent, pending] = await Promise.all([
    tx.connectionRequest.findMany({
      // No upper bound: a concurrent send (another instance, or a request that took the lock
      // first) may have stored a row stamped a few ms after this request's `now`; it counts.
      where: { requesterId: memberId, createdAt: { gt: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    tx.connectionRequest.findMany({
      where: { requesterId: memberId, status: "pending", expiresAt: { gt: now } },
      select: { expiresAt: true },
      orderBy: { expiresAt: "asc" },
      take: pendingCap,
    }),
  ]);
  // With n in the window and a limit of L, a slot frees when the (n − L + 1)-th oldest leaves it.
  const over = recent.length - weeklyLimit;
  const weeklyFreesAt = over >= 0 ? new Date(recent[over].createdAt.getTime() + BUDGET_WINDOW_MS) : null;
  const pendingFreesAt = pending.length >= pendingCap ? pending[0].expiresAt : null;
  return {
    weeklyLimit,
    sentThisWeek: recent.length,
    weeklyFreesAt,
    pendingCap,
    pendingOutgoing: pending.length,
    pendingFreesAt,
  };
}
