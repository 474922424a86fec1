import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUDGET_WINDOW, requestBudget } from "../../../lib/warmup/budget";
import { DAY, NOW } from "./factories";

const before = (ms: number) => new Date(NOW.getTime() - ms);

describe("requestBudget", () => {
  it("under both limits: nothing to wait for", () => {
    const b = requestBudget({ weeklyLimit: 3, pendingCap: 2, recentCreatedAt: [before(DAY)], pendingExpiresAt: [new Date(NOW.getTime() + DAY)] });
    expect(b).toEqual({ weeklyLimit: 3, sentThisWeek: 1, weeklyFreesAt: null, pendingCap: 2, pendingOutgoing: 1, pendingFreesAt: null });
  });

  it("at the weekly limit: free 7 days after the oldest", () => {
    const recent = [before(5 * DAY), before(2 * DAY), before(DAY)];
    const b = requestBudget({ weeklyLimit: 3, pendingCap: 9, recentCreatedAt: recent, pendingExpiresAt: [] });
    expect(b.weeklyFreesAt).toEqual(new Date(recent[0].getTime() + 7 * DAY));
  });

  it("at the pending cap: free when the soonest expires", () => {
    const pending = [new Date(NOW.getTime() + DAY), new Date(NOW.getTime() + 4 * DAY)];
    const b = requestBudget({ weeklyLimit: 9, pendingCap: 2, recentCreatedAt: [], pendingExpiresAt: pending });
    expect(b.pendingFreesAt).toEqual(pending[0]);
  });

  it("property: with n in the window and a limit L, a slot frees exactly 7 days after the (n−L+1)-th oldest, never before now", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        // Created in the last 7 days (the loader reads createdAt > now − 7 days), oldest first.
        fc.array(fc.integer({ min: 0, max: BUDGET_WINDOW - 1 }), { maxLength: 20 }),
        (limit, ages) => {
          const recent = [...ages].sort((a, b) => b - a).map((age) => before(age));
          const b = requestBudget({ weeklyLimit: limit, pendingCap: 1, recentCreatedAt: recent, pendingExpiresAt: [] });
          expect(b.sentThisWeek).toBe(recent.length);
          if (recent.length < limit) {
            expect(b.weeklyFreesAt).toBeNull();
            return;
          }
          const nth = recent[recent.length - limit]; // the (n − L + 1)-th oldest, 1-based
          expect(b.weeklyFreesAt).toEqual(new Date(nth.getTime() + 7 * DAY));
          expect(b.weeklyFreesAt!.getTime()).toBeGreaterThan(NOW.getTime());
          // Exactly then a request may be sent: fewer than the limit are in the window (two sent in
          // the same millisecond leave it together), and one millisecond earlier it was still full.
          const inWindowAt = (t: number) => recent.filter((d) => d.getTime() > t - BUDGET_WINDOW).length;
          expect(inWindowAt(b.weeklyFreesAt!.getTime())).toBeLessThanOrEqual(limit - 1);
          expect(inWindowAt(b.weeklyFreesAt!.getTime() - 1)).toBeGreaterThanOrEqual(limit);
        },
      ),
    );
  });
});
