import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortedOrder } from "../../../lib/warmup/order";

/** The obvious comparator sort the fast path must agree with. */
function reference(ms: number[], ids: string[]): number[] {
  return ms
    .map((_, i) => i)
    .sort((a, b) => (ms[a] !== ms[b] ? (ms[a] < ms[b] ? -1 : 1) : ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
}

function check(ms: number[], ids: string[]) {
  const tie = (a: number, b: number) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
  expect(sortedOrder(ms, tie)).toEqual(reference(ms, ids));
}

const idsFor = (n: number) => Array.from({ length: n }, (_, i) => `id${(i * 7919) % 10007}`);

describe("sortedOrder", () => {
  it.each<[string, number[]]>([
    ["an empty history", []],
    ["one interaction", [5]],
    ["ascending times", [1, 2, 3, 4]],
    ["descending times", [4, 3, 2, 1]],
    ["equal times", [7, 7, 7, 7, 7]],
    ["a span too wide to pack", [0, 2 ** 45, 3, 2 ** 44]],
    ["an invalid date", [5, -Infinity, 1]],
  ])("orders %s by time, then id", (_label, ms) => check(ms, idsFor(ms.length)));

  it("orders a history too long to pack", () => {
    const ms = Array.from({ length: 5000 }, (_, i) => (i * 104729) % 3001);
    check(ms, idsFor(ms.length));
  });

  it("agrees with a plain comparator sort for any times, including many equal ones", () => {
    const times = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1.6e12, max: 1.9e12 }));
    fc.assert(
      fc.property(fc.array(times, { maxLength: 200 }), (ms) => check(ms, idsFor(ms.length))),
      { numRuns: 300 },
    );
  });
});
