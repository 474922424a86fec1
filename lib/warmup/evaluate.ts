import { allMet, buildCriteria, progressPercent } from "./criteria";
import { nextStepCodes, stepWords, type NextStep } from "./next-steps";
import { clampPolicy } from "./policy";
import { decideStatus } from "./status";
import { tally, type Tally } from "./tally";
import type { EvaluateInput, Evaluation, Policy, RelationFacts } from "./types";
import { dayNumber, isoString, timeOf } from "./utc-day";
import { DAY } from "./time";
import { DEFAULT_WEIGHTS } from "./weights";
import { firstNameOf } from "./names";

const NO_RELATION: RelationFacts = {
  blocked: false,
  connected: false,
  pendingOutgoing: false,
  pendingIncoming: false,
  cooldownUntil: null,
};

/**
 * How far a requester is in warming up to a recipient, judged by the recipient's policy at
 * `now`. Pure and total: the same input (in any interaction order) gives the same output,
 * and odd data (invalid dates, unknown kinds, out-of-bounds policy numbers) never throws:
 * it is treated in the way that counts the least.
 *
 * - an invalid `now` is taken as the Unix epoch, so nothing counts (everything is "in_future");
 * - an invalid requester creation date counts as a brand-new account;
 * - an invalid or missing cooldown means no cooldown.
 */
export function evaluate(input: EvaluateInput): Evaluation {
  return assess(input).evaluation;
}

/** An evaluation with the working the summary needs: next steps as data, the tally, the clamped policy. */
export type Assessment = {
  evaluation: Evaluation;
  steps: NextStep[];
  tally: Tally;
  policy: Policy;
  nowMs: number;
};

/** evaluate(), keeping what it worked out on the way (lib/warmup/summary.ts stores it). */
export function assess(input: EvaluateInput): Assessment {
  const rawNow = timeOf(input.now);
  const nowMs = Number.isFinite(rawNow) ? rawNow : 0;
  const policy = clampPolicy(input.policy);
  const relation = input.relation ?? NO_RELATION;
  const self = input.requesterId === input.recipientId;

  const t = tally(input.interactions ?? [], input.requesterId, input.recipientId, policy, nowMs);

  // A closed protocol has no gate to meet: requests are refused whatever was done.
  const closed = policy.preset === "closed";
  const criteria = closed ? [] : buildCriteria(policy, t);
  const gateMet = !closed && allMet(criteria);
  const percent = closed ? 0 : progressPercent(criteria, t.interactions > 0);

  const cooldownMs = timeOf(relation.cooldownUntil);
  const inCooldown = Number.isFinite(cooldownMs) && cooldownMs > nowMs;

  const createdMs = timeOf(input.requesterCreatedAt);
  const ageMs = Number.isFinite(createdMs) ? nowMs - createdMs : 0;
  const tooNew = policy.minAccountAgeDays > 0 && Math.floor(ageMs / DAY) < policy.minAccountAgeDays;

  const status = decideStatus({
    self,
    blocked: relation.blocked === true,
    connected: relation.connected === true,
    pendingIncoming: relation.pendingIncoming === true,
    pendingOutgoing: relation.pendingOutgoing === true,
    inCooldown,
    closed,
    tooNew,
    gateMet,
    anyCounted: t.interactions > 0,
  });

  const steps = nextStepCodes({
    recipientHasPosts: input.recipientHasPosts !== false,
    pendingUnlock: closed || gateMet ? 0 : pendingUnlock(input, policy, nowMs, t),
    status,
    criteria,
    gateMet,
    capReachedToday: t.capReachedToday,
    dailyPointCap: policy.dailyPointCap,
    cooldownDay: inCooldown ? dayNumber(cooldownMs) : NaN,
    // The first UTC day on which the account is old enough all day long: on the day it comes of
    // age it still is not before the hour it was created, so "you can ask from" names the next.
    oldEnoughDay: Number.isFinite(createdMs) ? dayNumber(createdMs + policy.minAccountAgeDays * DAY - 1) + 1 : NaN,
    minAccountAgeDays: policy.minAccountAgeDays,
  });

  const wordsWeight = commentWeightOf(input.weights);
  const evaluation: Evaluation = {
    status,
    gateMet,
    percent,
    criteria,
    interactions: t.verdicts,
    nextSteps: steps.map((s) => stepWords(s, firstNameOf(input.recipientName), wordsWeight)),
    // Only an active cooldown is reported; a past one no longer says anything useful.
    cooldownUntil: inCooldown ? isoString(cooldownMs) : null,
    evaluatedAt: isoString(nowMs),
  };
  return { evaluation, steps, tally: t, policy, nowMs };
}

/** The points a comment is worth, as next steps word it (the admin's weight, else the default). */
export function commentWeightOf(weights: EvaluateInput["weights"]): number {
  const w = weights?.comment;
  return typeof w === "number" && Number.isFinite(w) ? w : DEFAULT_WEIGHTS.comment;
}

/**
 * How many of the requester's logged interactions wait for the recipient's confirmation
 * and, confirmed, would meet the gate; 0 when confirming them all would not be enough.
 * A second pass with those interactions taken as confirmed (no copy of the input); only
 * when the first pass saw a pending one of the requester's.
 */
function pendingUnlock(input: EvaluateInput, policy: Policy, nowMs: number, first: Tally): number {
  if (!first.sawPendingOutgoing) return 0;
  const t = tally(input.interactions ?? [], input.requesterId, input.recipientId, policy, nowMs, true);
  if (!allMet(buildCriteria(policy, t))) return 0;
  return t.unlockedPending;
}
