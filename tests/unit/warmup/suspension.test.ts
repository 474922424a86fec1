import { describe, expect, it } from "vitest";
import { isSuspendedAt } from "../../../lib/warmup/suspension";
import { DAY } from "../../../lib/warmup/time";

const NOW = new Date("2026-06-10T12:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe("isSuspendedAt: the one rule for 'suspended at this time'", () => {
  it.each<[string, Date | null, Date | null, boolean]>([
    ["never suspended", null, null, false],
    ["suspended with no end", at(-DAY), null, true],
    ["suspended until tomorrow", at(-DAY), at(DAY), true],
    ["a suspension that ended yesterday", at(-2 * DAY), at(-DAY), false],
    ["a suspension ending exactly now is over", at(-DAY), NOW, false],
    ["a suspension ending one millisecond from now still holds", at(-DAY), at(1), true],
    ["an end without a start is not a suspension", null, at(DAY), false],
  ])("%s", (_, suspendedAt, suspendedUntil, expected) => {
    expect(isSuspendedAt({ suspendedAt, suspendedUntil }, NOW)).toBe(expected);
  });
});
