import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/warmup/evaluate";
import type { EngineInteraction, Evaluation, EvaluateInput } from "../../../lib/warmup/types";
import { inputArb, interactionArb, momentArb, policyArb } from "./arbitraries";
import { NOW, noRelation } from "./factories";

const RUNS = { numRuns: 300 };

/** Progress read straight off the verdicts, so it is visible whatever the policy asks for. */
function progress(e: Evaluation) {
  const counted = e.interactions.filter((v) => v.counted && v.direction === "outgoing");
  return { points: counted.reduce((s, v) => s + v.points, 0), days: new Set(counted.map((v) => v.day)).size };
}
const current = (e: Evaluation) => Object.fromEntries(e.criteria.map((c) => [c.key, c.current]));
const byTime = (a: EngineInteraction, b: EngineInteraction) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every criterion's current value and the percent are at least what they were. */
function expectNoLoss(before: Evaluation, after: Evaluation) {
  const b = current(before);
  for (const [key, value] of Object.entries(current(after))) expect(value).toBeGreaterThanOrEqual(b[key]);
  expect(after.percent).toBeGreaterThanOrEqual(before.percent);
}

describe("evaluate, for any input", () => {
  it("is deterministic: the same interactions in any order give the same evaluation", () => {
    const arb = inputArb().chain((input) =>
      fc.tuple(fc.constant(input), fc.shuffledSubarray(input.interactions, { minLength: input.interactions.length })),
    );
    fc.assert(
      fc.property(arb, ([input, shuffled]) => {
        const once = evaluate(input);
        expect(evaluate(input)).toEqual(once);
        expect(evaluate({ ...input, interactions: shuffled })).toEqual(once);
      }),
      RUNS,
    );
  });

  it("shows 100% exactly when the gate is met", () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const e = evaluate(input);
        expect(e.percent === 100).toBe(e.gateMet);
        expect(Number.isInteger(e.percent) && e.percent >= 0 && e.percent <= 100).toBe(true);
      }),
      RUNS,
    );
  });

  it("gives one verdict per interaction, newest first, and never more than the cap per day", () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const e = evaluate(input);
        expect(e.interactions).toHaveLength(input.interactions.length);
        const order = [...input.interactions].sort(byTime).reverse().map((i) => i.id);
        expect(e.interactions.map((v) => v.id)).toEqual(order);
        for (const v of e.interactions) {
          expect(v.counted).toBe(v.reason === null);
          if (!v.counted || v.direction === "incoming") expect(v.points).toBe(0);
        }
        const { points, days } = progress(e);
        expect(points).toBeLessThanOrEqual(input.policy.dailyPointCap * days);
      }),
      RUNS,
    );
  });
});

describe("monotonicity", () => {
  it("never lowers points or distinct days when an interaction is added", () => {
    fc.assert(
      fc.property(inputArb(), interactionArb(), (input, extra) => {
        const before = progress(evaluate(input));
        const after = progress(evaluate({ ...input, interactions: [...input.interactions, { ...extra, id: "new" }] }));
        expect(after.points).toBeGreaterThanOrEqual(before.points);
        expect(after.days).toBeGreaterThanOrEqual(before.days);
      }),
      RUNS,
    );
  });

  // Anywhere in time this can fail on purpose: an earlier, heavier interaction may use up a
  // day's cap and displace later ones (see "lets a heavy interaction early in the day…").
  it("never lowers any criterion or the percent when an interaction newer than all others is added", () => {
    fc.assert(
      fc.property(inputArb(), interactionArb(), fc.integer({ min: 0, max: 3_600_000 }), (input, extra, gap) => {
        // After every interaction that can count (future ones never do), and not in the future itself.
        const past = input.interactions.map((i) => i.occurredAt.getTime()).filter((t) => t <= NOW.getTime());
        const occurredAt = new Date(Math.min(Math.max(0, ...past) + gap, NOW.getTime()));
        const newest = { ...extra, id: "zz-newest", occurredAt };
        expectNoLoss(evaluate(input), evaluate({ ...input, interactions: [...input.interactions, newest] }));
      }),
      RUNS,
    );
  });

  it("never lowers any criterion or the percent when the daily cap cannot bind", () => {
    // At most 20 interactions of at most 5 points: a 100-point cap is never reached.
    const shape = { maxWeight: 5, maxLength: 19 };
    fc.assert(
      fc.property(inputArb({ policy: policyArb({ dailyPointCap: 100 }), shape }), interactionArb(shape), (input, extra) => {
        expectNoLoss(evaluate(input), evaluate({ ...input, interactions: [...input.interactions, { ...extra, id: "new" }] }));
      }),
      RUNS,
    );
  });
});

describe("removing interactions never makes a pair warm", () => {
  const check = (input: EvaluateInput, kept: EngineInteraction[]) => {
    if (evaluate(input).status !== "warm") expect(evaluate({ ...input, interactions: kept }).status).not.toBe("warm");
  };

  it("when the daily cap cannot bind, whichever interactions are removed", () => {
    const shape = { maxWeight: 5, maxLength: 20 };
    const arb = inputArb({ policy: policyArb({ dailyPointCap: 100 }), shape }).chain((input) =>
      fc.tuple(fc.constant(input), fc.subarray(input.interactions)),
    );
    fc.assert(fc.property(arb, ([input, kept]) => check(input, kept)), RUNS);
  });

  it("when the newest interactions are removed, under any cap", () => {
    const arb = inputArb().chain((input) => fc.tuple(fc.constant(input), fc.nat({ max: input.interactions.length })));
    fc.assert(
      fc.property(arb, ([input, drop]) => check(input, [...input.interactions].sort(byTime).slice(0, input.interactions.length - drop))),
      RUNS,
    );
  });

  it("when any of the recipient's interactions are removed, under any cap", () => {
    const arb = inputArb().chain((input) => fc.tuple(fc.constant(input), fc.subarray(input.interactions)));
    fc.assert(
      fc.property(arb, ([input, keptSubset]) => {
        const kept = input.interactions.filter((i) => i.actorId === input.requesterId || keptSubset.includes(i));
        check(input, kept);
      }),
      RUNS,
    );
  });
});

describe("an open protocol", () => {
  const open = policyArb({ preset: "open", minAccountAgeDays: 0 });
  it("is always warm unless a relationship fact comes first", () => {
    fc.assert(
      fc.property(inputArb({ policy: open }), (input) => {
        expect(["blocked", "connected", "incoming", "requested", "cooldown", "warm"]).toContain(evaluate(input).status);
      }),
      RUNS,
    );
  });

  it("is warm for anyone without a block, connection, request or cooldown", () => {
    fc.assert(
      fc.property(inputArb({ policy: open, relation: fc.constant(noRelation()) }), (input) => {
        expect(evaluate(input)).toMatchObject({ status: "warm", gateMet: true, percent: 100, criteria: [] });
      }),
      RUNS,
    );
  });
});

describe("odd data", () => {
  it("never throws and always answers within bounds", () => {
    const odd = fc.record({
      id: fc.oneof(fc.string(), fc.constant("dup")),
      actorId: fc.constantFrom("bob", "ana", "carol", ""),
      targetId: fc.constantFrom("bob", "ana", "carol"),
      kind: fc.oneof(fc.constantFrom("comment", "introduction"), fc.string()),
      source: fc.constantFrom("observed", "logged", "introduction"),
      weight: fc.oneof(fc.double(), fc.integer()),
      occurredAt: fc.oneof(momentArb, fc.date({ noInvalidDate: false })),
      verification: fc.oneof(fc.constantFrom("verified", "pending"), fc.string()),
    });
    const oddNumber = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }));
    fc.assert(
      fc.property(
        fc.array(odd, { maxLength: 30 }),
        policyArb(),
        fc.record({ minPoints: oddNumber, dailyPointCap: oddNumber, freshnessDays: oddNumber, minAccountAgeDays: oddNumber }),
        fc.date({ noInvalidDate: false }),
        fc.date({ noInvalidDate: false }),
        (list, policy, broken, now, createdAt) => {
          const input = { ...inputFor(list as never), policy: { ...policy, ...broken }, now, requesterCreatedAt: createdAt };
          const e = evaluate(input);
          expect(e.percent).toBeGreaterThanOrEqual(0);
          expect(e.percent).toBeLessThanOrEqual(100);
          expect(typeof e.evaluatedAt).toBe("string");
        },
      ),
      RUNS,
    );
  });
});

function inputFor(interactions: EngineInteraction[]): EvaluateInput {
  return { ...fc.sample(inputArb(), { numRuns: 1, seed: 1 })[0], interactions };
}

// Keep the generators honest: they must produce histories where the cap actually bites.
describe("the generators", () => {
  it("produce warm pairs and days on which the daily cap refuses interactions", () => {
    const samples = fc.sample(inputArb(), { numRuns: 200, seed: 7 });
    const refused = samples.filter((i) => evaluate(i).interactions.some((v) => v.reason === "over_daily_cap"));
    const warm = samples.filter((i) => evaluate(i).status === "warm");
    expect(refused.length).toBeGreaterThan(20);
    expect(warm.length).toBeGreaterThan(10);
  });
});
