import { WEEK } from "./time";

/** The rolling window the weekly request limit counts in. */
export const BUDGET_WINDOW = WEEK;

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

export type BudgetFacts = {
  weeklyLimit: number;
  pendingCap: number;
  /** when each request the member created in the last 7 days was created, oldest first */
  recentCreatedAt: readonly Date[];
  /** when each of the member's live outgoing pending requests expires, soonest first */
  pendingExpiresAt: readonly Date[];
};

/**
 * How much of their request budget a member has used: requests created in the rolling
 * 7 days (whatever became of them) and outgoing pending requests. With n requests in the
 * window and a limit of L, a slot frees when the (n − L + 1)-th oldest leaves the window.
 */
export function requestBudget(f: BudgetFacts): RequestBudget {
  const { weeklyLimit, pendingCap, recentCreatedAt: recent, pendingExpiresAt: pending } = f;
  const over = recent.length - weeklyLimit;
  const weeklyFreesAt = over >= 0 ? new Date(recent[over].getTime() + BUDGET_WINDOW) : null;
  const pendingFreesAt = pending.length >= pendingCap && pending.length > 0 ? pending[0] : null;
  return {
    weeklyLimit,
    sentThisWeek: recent.length,
    weeklyFreesAt,
    pendingCap,
    pendingOutgoing: pending.length,
    pendingFreesAt,
  };
}
