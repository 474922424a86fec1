import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/warmup/evaluate";
import { stepWords } from "@/lib/warmup/next-steps";
import { summarize, type Summary } from "@/lib/warmup/summary";
import { inputArb } from "./arbitraries";
import { DAY, NOW, evalInput, outgoing, policy } from "./factories";

const withoutValidity = ({ validUntil: _validUntil, ...rest }: Summary) => rest;

describe("summarize", () => {
  it("nothing in a summary changes before its valid_until (sampled instants in between)", () => {
    fc.assert(
      fc.property(inputArb(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (input, fractions) => {
        const { summary } = summarize(input);
        const from = input.now.getTime();
        // Nothing changing by itself: look a year ahead.
        const until = summary.validUntil?.getTime() ?? from + 365 * DAY;
        expect(until).toBeGreaterThan(from);
        for (const f of [...fractions, 1]) {
          const at = Math.min(until - 1, from + Math.floor(f * (until - from)));
          const later = summarize({ ...input, now: new Date(at) }).summary;
          expect(withoutValidity(later)).toEqual(withoutValidity(summary));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("its stored next step, put into words at read time, says what the engine says", () => {
    fc.assert(
      fc.property(inputArb(), fc.integer({ min: 1, max: 9 }), (input, commentWeight) => {
        const withWeights = { ...input, weights: { comment: commentWeight } };
        const { summary } = summarize(withWeights);
        const words = summary.nextStep ? stepWords(summary.nextStep, input.recipientName, commentWeight) : undefined;
        expect(words).toEqual(evaluate(withWeights).nextSteps[0]);
      }),
      { numRuns: 300 },
    );
  });

  it("is valid until the oldest counted interaction leaves the window (inclusive of its last millisecond)", () => {
    const first = outgoing("comment", { occurredAt: new Date(NOW.getTime() - 10 * DAY) });
    const input = evalInput({ policy: policy("standard", { freshnessDays: 30 }), interactions: [first] });
    const { summary } = summarize(input);
    expect(summary.validUntil).toEqual(new Date(first.occurredAt.getTime() + 30 * DAY + 1));
    expect(summary.lastInteractionAt).toEqual(first.occurredAt);
    expect(summary.interactions).toBe(1);
  });

  it("names a pending request's expiry passed by the caller", () => {
    const expiry = new Date(NOW.getTime() + 3 * DAY);
    expect(summarize(evalInput({ interactions: [] }), [expiry]).summary.validUntil).toEqual(expiry);
  });
});
