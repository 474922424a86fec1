import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AHEAD_OF_SLOWEST, COUNT_CRITERIA, criterionPercent, progressPercent } from "../../../lib/warmup/criteria";
import { evaluate } from "../../../lib/warmup/evaluate";
import type { CriterionKey, CriterionResult } from "../../../lib/warmup/types";
import { inputArb } from "./arbitraries";
import { noRelation } from "./factories";

const RUNS = { numRuns: 500 };

/** Any criteria list the engine could build: each key at most once, counts within the policy bounds. */
const criteriaArb: fc.Arbitrary<CriterionResult[]> = fc
  .record({
    points: fc.option(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 1, max: 100 }))),
    interactions: fc.option(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 50 }))),
    distinctDays: fc.option(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }))),
    spanDays: fc.option(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 180 }))),
    conversation: fc.option(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constant(1))),
    reciprocity: fc.option(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constant(1))),
  })
  .map((r) =>
    (Object.entries(r) as [CriterionKey, [number, number] | null][])
      .filter((e): e is [CriterionKey, [number, number]] => e[1] !== null)
      .map(([key, [current, required]]) => ({ key, label: key, current, required, met: current >= required })),
  );

describe("the overall percent, for any criteria", () => {
  it("is 100 exactly when every criterion is met", () => {
    fc.assert(
      fc.property(criteriaArb, fc.boolean(), (criteria, anyCounted) => {
        const pct = progressPercent(criteria, anyCounted);
        expect(pct === 100).toBe(criteria.every((c) => c.met));
        expect(Number.isInteger(pct) && pct >= 0 && pct <= 100).toBe(true);
      }),
      RUNS,
    );
  });

  it(`never runs more than ${AHEAD_OF_SLOWEST} points ahead of any count criterion's own percent`, () => {
    fc.assert(
      fc.property(criteriaArb, fc.boolean(), (criteria, anyCounted) => {
        const pct = progressPercent(criteria, anyCounted);
        for (const c of criteria) {
          if (COUNT_CRITERIA.has(c.key)) expect(pct).toBeLessThanOrEqual(criterionPercent(c) + AHEAD_OF_SLOWEST);
        }
      }),
      RUNS,
    );
  });

  it("is 0 while nothing counts, unless the gate is met", () => {
    fc.assert(
      fc.property(criteriaArb, (criteria) => {
        const met = criteria.every((c) => c.met);
        expect(progressPercent(criteria, false)).toBe(met ? 100 : 0);
      }),
      RUNS,
    );
  });
});

describe("the percent in an evaluation, for any input", () => {
  it("is 100 exactly when the gate is met, and within every count criterion's bar plus 10", () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const e = evaluate(input);
        expect(e.percent === 100).toBe(e.gateMet);
        for (const c of e.criteria) {
          if (COUNT_CRITERIA.has(c.key)) expect(e.percent).toBeLessThanOrEqual(criterionPercent(c) + AHEAD_OF_SLOWEST);
        }
      }),
      RUNS,
    );
  });

  it("never shows Cold with a non-zero percent, nor a non-zero percent as Cold", () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const e = evaluate(input);
        if (e.status === "cold") expect(e.percent).toBe(0);
        if (e.percent > 0) expect(e.status).not.toBe("cold");
      }),
      RUNS,
    );
  });

  it("shows a warming pair as more than 0", () => {
    fc.assert(
      fc.property(inputArb({ relation: fc.constant(noRelation()) }), (input) => {
        const e = evaluate(input);
        if (e.status === "warming") expect(e.percent).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
