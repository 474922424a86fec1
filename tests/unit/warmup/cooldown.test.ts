import { describe, expect, it } from "vitest";
import { cooldownUntil } from "../../../lib/warmup/cooldown";
import { DAY, NOW } from "./factories";

const DAYS = { cooldownNotYetDays: 14, cooldownNoDays: 90, cooldownWithdrawDays: 7 };

describe("cooldownUntil", () => {
  it.each([
    ["not_yet", 14],
    ["no", 90],
    ["withdraw", 7],
  ] as const)("%s: %i days from now", (reason, days) => {
    expect(cooldownUntil(reason, NOW, DAYS)).toEqual(new Date(NOW.getTime() + days * DAY));
  });

  it("a zero-day cooldown ends now", () => {
    expect(cooldownUntil("no", NOW, { ...DAYS, cooldownNoDays: 0 })).toEqual(NOW);
  });

  it("reads only the cooldown numbers: the app's request settings can be passed as they are", () => {
    const requests = { weeklyLimit: 20, pendingCap: 50, expiryDays: 30, ...DAYS };
    expect(cooldownUntil("not_yet", NOW, requests)).toEqual(new Date(NOW.getTime() + 14 * DAY));
  });
});
