import { assess } from "./evaluate";
import type { NextStep } from "./next-steps";
import { DAY } from "./time";
import type { EvaluateInput, Evaluation, RelationshipStatus } from "./types";
import { timeOf } from "./utc-day";

/**
 * What is stored for one directed pair (relationship_summary): enough to list and sort
 * relationships and word the next step, and the moment it stops being true by itself.
 */
export type Summary = {
  status: RelationshipStatus;
  percent: number;
  gateMet: boolean;
  /** the primary next step as data; words come at read time (name and weights may change) */
  nextStep: NextStep | null;
  /** points and interactions counted toward the gate */
  points: number;
  interactions: number;
  /** the latest interaction either way that is not removed, inside the recipient's window, not in the future */
  lastInteractionAt: Date | null;
  /**
   * The next instant at which evaluating the same facts gives a different summary (an
   * interaction leaving the window or stopping being in the future, the daily cap's day
   * ending, a cooldown ending, the account reaching the minimum age, a moment the caller
   * names such as a pending request's expiry); null when nothing changes by itself.
   */
  validUntil: Date | null;
};

/**
 * Evaluates `input` and summarises it. `changesAt`: instants outside the engine's input at
 * which its facts change (a pending request expiring is read as "not pending" from then on).
 */
export function summarize(input: EvaluateInput, changesAt: readonly (Date | null)[] = []): { evaluation: Evaluation; summary: Summary } {
  const { evaluation, steps, tally, policy, nowMs } = assess(input);
  const windowMs = policy.freshnessDays * DAY;
  let next = Infinity;
  const consider = (ms: number) => {
    if (ms > nowMs && ms < next) next = ms;
  };

  let last = -Infinity;
  if (input.requesterId !== input.recipientId) {
    for (const it of input.interactions ?? []) {
      if (it == null) continue;
      const out = it.actorId === input.requesterId && it.targetId === input.recipientId;
      if (!out && !(it.actorId === input.recipientId && it.targetId === input.requesterId)) continue;
      if (it.verification === "removed") continue;
      const ms = timeOf(it.occurredAt);
      if (!Number.isFinite(ms)) continue;
      // In the future until `ms`; in the window until `ms + window` inclusive (tally: ms < now - window is outside).
      consider(ms);
      consider(ms + windowMs + 1);
      if (ms <= nowMs && ms >= nowMs - windowMs && ms > last) last = ms;
    }
  }
  // The daily cap is "reached today" only until the UTC day ends.
  if (tally.capReachedToday) consider((Math.floor(nowMs / DAY) + 1) * DAY);
  const cooldownMs = timeOf(input.relation?.cooldownUntil);
  if (Number.isFinite(cooldownMs)) consider(cooldownMs);
  const createdMs = timeOf(input.requesterCreatedAt);
  if (policy.minAccountAgeDays > 0 && Number.isFinite(createdMs)) consider(createdMs + policy.minAccountAgeDays * DAY);
  for (const at of changesAt) {
    const ms = timeOf(at);
    if (Number.isFinite(ms)) consider(ms);
  }

  return {
    evaluation,
    summary: {
      status: evaluation.status,
      percent: evaluation.percent,
      gateMet: evaluation.gateMet,
      nextStep: steps[0] ?? null,
      points: tally.points,
      interactions: tally.interactions,
      lastInteractionAt: last === -Infinity ? null : new Date(last),
      validUntil: next === Infinity ? null : new Date(next),
    },
  };
}
