import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describePolicy } from "../../../lib/warmup/describe";
import { evaluate } from "../../../lib/warmup/evaluate";
import { buildSnapshot, readSnapshot } from "../../../lib/warmup/snapshot";
import { inputArb } from "./arbitraries";
import { NOW } from "./factories";

describe("request snapshots", () => {
  it("property: what is built reads back the same, through JSON as the database stores it", () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const snap = buildSnapshot(evaluate(input), input.policy, NOW);
        const stored = JSON.parse(JSON.stringify(snap));
        expect(readSnapshot(stored)).toEqual(snap);
        expect(readSnapshot(snap)).toBe(snap);
        expect(snap).toMatchObject({ version: 1, takenAt: NOW.toISOString(), policyText: describePolicy(input.policy) });
      }),
      { numRuns: 50 },
    );
  });

  it("reads anything else as null, never throwing", () => {
    for (const odd of [null, undefined, 1, "x", [], {}, { version: 2 }, { version: 1 }, { version: 1, evaluation: { criteria: "no", percent: 1 } }, { version: 1, evaluation: { criteria: [] } }]) {
      expect(readSnapshot(odd)).toBeNull();
    }
  });
});
