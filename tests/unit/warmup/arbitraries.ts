// fast-check generators for the property tests: histories clustered on a few days so the
// daily cap and the UTC day boundary come up often, and policies across every preset.
import fc from "fast-check";
import { resolvePolicy } from "../../../lib/warmup/policy";
import {
  INTERACTION_KINDS,
  PRESETS,
  type EngineInteraction,
  type EvaluateInput,
  type Policy,
  type RelationFacts,
  type Verification,
} from "../../../lib/warmup/types";
import { DEFAULT_WEIGHTS } from "../../../lib/warmup/weights";
import { DAY, NOW, RECIPIENT, REQUESTER, evalInput, noRelation } from "./factories";

const START_OF_TODAY = Math.floor(NOW.getTime() / DAY) * DAY;
const VERIFICATIONS: Verification[] = ["verified", "confirmed", "pending", "disputed", "removed"];

export type Shape = { maxWeight?: number; maxLength?: number };

/** A moment mostly in the last four days (many per day), sometimes up to 200 days back or tomorrow. */
export const momentArb = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 1, arbitrary: fc.integer({ min: -1, max: 200 }) },
    ),
    fc.integer({ min: 0, max: DAY - 1 }),
  )
  .map(([daysBack, msOfDay]) => new Date(START_OF_TODAY - daysBack * DAY + msOfDay));

export function interactionArb(shape: Shape = {}): fc.Arbitrary<Omit<EngineInteraction, "id">> {
  const maxWeight = shape.maxWeight ?? 6;
  return fc
    .record({
      out: fc.boolean(),
      kind: fc.constantFrom(...INTERACTION_KINDS),
      verification: fc.constantFrom(...VERIFICATIONS),
      customWeight: fc.option(fc.integer({ min: 0, max: maxWeight }), { freq: 3 }),
      occurredAt: momentArb,
    })
    .map(({ out, kind, verification, customWeight, occurredAt }) => ({
      actorId: out ? REQUESTER : RECIPIENT,
      targetId: out ? RECIPIENT : REQUESTER,
      kind,
      source: kind.startsWith("logged") ? ("logged" as const) : ("observed" as const),
      weight: Math.min(customWeight ?? DEFAULT_WEIGHTS[kind], maxWeight),
      occurredAt,
      verification,
    }));
}

/** Unique ids "i000"… so their order is the order fast-check generated them in. */
export const withIds = (list: Omit<EngineInteraction, "id">[], prefix = "i"): EngineInteraction[] =>
  list.map((it, i) => ({ ...it, id: `${prefix}${String(i).padStart(3, "0")}` }));

export const historyArb = (shape: Shape = {}) =>
  fc.array(interactionArb(shape), { maxLength: shape.maxLength ?? 40, size: "medium" }).map((l) => withIds(l));

export const policyArb = (over: Partial<Policy> = {}): fc.Arbitrary<Policy> =>
  fc
    .record({
      preset: fc.constantFrom(...PRESETS),
      minPoints: fc.integer({ min: 0, max: 30 }),
      minInteractions: fc.integer({ min: 0, max: 8 }),
      minDistinctDays: fc.integer({ min: 0, max: 5 }),
      minSpanDays: fc.integer({ min: 0, max: 20 }),
      requireConversation: fc.boolean(),
      requireReciprocity: fc.boolean(),
      freshnessDays: fc.integer({ min: 1, max: 365 }),
      dailyPointCap: fc.integer({ min: 1, max: 12 }),
      pendingLoggedCounts: fc.constantFrom("half" as const, "full" as const, "none" as const),
      allowIntroductions: fc.boolean(),
      minAccountAgeDays: fc.integer({ min: 0, max: 10 }),
    })
    .map((stored) => resolvePolicy({ ...stored, ...over }));

export const relationArb: fc.Arbitrary<RelationFacts> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(noRelation()) },
  {
    weight: 1,
    arbitrary: fc.record({
      blocked: fc.boolean(),
      connected: fc.boolean(),
      pendingOutgoing: fc.boolean(),
      pendingIncoming: fc.boolean(),
      cooldownUntil: fc.option(momentArb),
    }),
  },
);

export function inputArb(
  opts: { policy?: fc.Arbitrary<Policy>; relation?: fc.Arbitrary<RelationFacts>; shape?: Shape } = {},
): fc.Arbitrary<EvaluateInput> {
  return fc
    .record({
      policy: opts.policy ?? policyArb(),
      interactions: historyArb(opts.shape),
      relation: opts.relation ?? relationArb,
      accountDays: fc.integer({ min: 0, max: 30 }),
    })
    .map(({ policy, interactions, relation, accountDays }) =>
      evalInput({ policy, interactions, relation, requesterCreatedAt: new Date(NOW.getTime() - accountDays * DAY) }),
    );
}
