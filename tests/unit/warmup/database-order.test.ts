// EvaluateInput.interactions arrive in database order, (occurredAt, id) ascending, and then
// the engine takes them without sorting. Any other order must give the same evaluation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/warmup/evaluate";
import type { EngineInteraction } from "../../../lib/warmup/types";
import { interactionArb, inputArb } from "./arbitraries";
import { NOW, RECIPIENT, REQUESTER, evalInput, policy } from "./factories";

const INVALID = new Date(NaN);

/** ORDER BY occurred_at, id: invalid dates first (the engine's reading), ids as strings. */
function databaseOrder(list: readonly EngineInteraction[]): EngineInteraction[] {
  const ms = (it: EngineInteraction) => {
    const t = it.occurredAt.getTime();
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...list].sort((a, b) => (ms(a) !== ms(b) ? (ms(a) < ms(b) ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Histories made to collide: few distinct times (so equal times are broken by id), a few ids
 * shared by several rows, invalid dates, rows repeated verbatim, and rows of other pairs.
 */
const collidingHistoryArb = fc
  .array(
    fc.record({
      it: interactionArb(),
      id: fc.constantFrom("a", "b", "c", "a1", "b0", "z"),
      sameTime: fc.constantFrom(null, 0, 1, 2),
      invalid: fc.integer({ min: 0, max: 9 }),
      repeat: fc.integer({ min: 1, max: 3 }),
      otherPair: fc.integer({ min: 0, max: 9 }),
    }),
    { maxLength: 40 },
  )
  .map((rows) =>
    rows.flatMap(({ it, id, sameTime, invalid, repeat, otherPair }) => {
      const occurredAt = invalid === 0 ? INVALID : sameTime === null ? it.occurredAt : new Date(NOW.getTime() - sameTime * 3_600_000);
      const row: EngineInteraction = {
        ...it,
        id,
        occurredAt,
        ...(otherPair === 0 ? { actorId: "someone-else", targetId: RECIPIENT } : {}),
      };
      return Array.from({ length: repeat }, () => row);
    }),
  );

describe("evaluate in database order", () => {
  it("equals evaluate on any permutation, with equal times, shared ids, invalid dates and duplicates", () => {
    const arb = fc.record({ base: inputArb(), history: collidingHistoryArb }).chain(({ base, history }) =>
      fc.tuple(fc.constant({ ...base, interactions: history }), fc.shuffledSubarray(history, { minLength: history.length })),
    );
    fc.assert(
      fc.property(arb, ([input, shuffled]) => {
        const inOrder = evaluate({ ...input, interactions: databaseOrder(input.interactions) });
        expect(evaluate({ ...input, interactions: shuffled })).toEqual(inOrder);
        expect(evaluate({ ...input, interactions: [...shuffled].reverse() })).toEqual(inOrder);
      }),
      { numRuns: 400 },
    );
  });

  it("equals evaluate on any permutation for ordinary histories", () => {
    const arb = inputArb().chain((input) =>
      fc.tuple(fc.constant(input), fc.shuffledSubarray(input.interactions, { minLength: input.interactions.length })),
    );
    fc.assert(
      fc.property(arb, ([input, shuffled]) => {
        const inOrder = evaluate({ ...input, interactions: databaseOrder(input.interactions) });
        expect(evaluate({ ...input, interactions: shuffled })).toEqual(inOrder);
      }),
      { numRuns: 300 },
    );
  });

  it("breaks equal times by id, newest (greatest id) first in the verdicts", () => {
    const at = new Date(NOW.getTime() - 3_600_000);
    const row = (id: string): EngineInteraction => ({
      id,
      actorId: REQUESTER,
      targetId: RECIPIENT,
      kind: "comment",
      source: "observed",
      weight: 3,
      occurredAt: at,
      verification: "verified",
    });
    // A cap of 4 lets the first comment count in full and cuts the second: which is which
    // depends only on the ids, not on the order given.
    const p = policy("standard", { dailyPointCap: 4 });
    const asc = evaluate(evalInput({ policy: p, interactions: [row("x1"), row("x2")] }));
    const desc = evaluate(evalInput({ policy: p, interactions: [row("x2"), row("x1")] }));
    expect(desc).toEqual(asc);
    expect(asc.interactions.map((v) => [v.id, v.points, v.note])).toEqual([
      ["x2", 1, "capped"],
      ["x1", 3, null],
    ]);
  });
});
