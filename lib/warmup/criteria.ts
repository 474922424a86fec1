import { describeCriterionLabel } from "./describe";
import type { CriterionKey, CriterionResult, Policy } from "./types";
import type { Tally } from "./tally";

function result(key: CriterionKey, current: number, required: number): CriterionResult {
  return { key, label: progressLabel(key, current, required), current, required, met: current >= required };
}

// Labels are a pure function of (key, current, required) and a dashboard asks for the same few
// again and again: remembered per key for small whole numbers (required is at most 180 by the
// policy bounds), built afresh otherwise.
const LABELS = new Map<CriterionKey, Map<number, string>>();

function progressLabel(key: CriterionKey, current: number, required: number): string {
  if (!(current >= 0 && current < 65536 && required >= 0 && required < 1024 && (current | 0) === current && (required | 0) === required)) {
    return describeCriterionLabel(key, required, current);
  }
  let byKey = LABELS.get(key);
  if (byKey === undefined) LABELS.set(key, (byKey = new Map()));
  const k = current * 1024 + required;
  let label = byKey.get(k);
  if (label === undefined) {
    if (byKey.size >= 4096) byKey.clear();
    label = describeCriterionLabel(key, required, current);
    byKey.set(k, label);
  }
  return label;
}

/**
 * Only the criteria the policy actually asks for, in a fixed order: points, interactions,
 * distinct days, span, conversation, reciprocity. Yes/no criteria read as 0/1 of 1.
 */
export function buildCriteria(policy: Policy, t: Tally): CriterionResult[] {
  const list: CriterionResult[] = [];
  if (policy.minPoints > 0) list.push(result("points", t.points, policy.minPoints));
  if (policy.minInteractions > 0) list.push(result("interactions", t.interactions, policy.minInteractions));
  if (policy.minDistinctDays > 0) list.push(result("distinctDays", t.distinctDays, policy.minDistinctDays));
  if (policy.minSpanDays > 0) list.push(result("spanDays", t.spanDays, policy.minSpanDays));
  if (policy.requireConversation) list.push(result("conversation", t.conversation ? 1 : 0, 1));
  if (policy.requireReciprocity) list.push(result("reciprocity", t.reciprocity ? 1 : 0, 1));
  return list;
}

export function allMet(criteria: readonly CriterionResult[]): boolean {
  for (let i = 0; i < criteria.length; i++) if (!criteria[i].met) return false;
  return true;
}

/** The count criteria (points, interactions, distinct days, span): each has its own bar and percent. */
export const COUNT_CRITERIA: ReadonlySet<CriterionResult["key"]> = new Set(["points", "interactions", "distinctDays", "spanDays"]);

/** How much may the overall percent run ahead of the least-advanced count criterion. */
export const AHEAD_OF_SLOWEST = 10;

/** A criterion's own percent, as its bar shows it: current / required, capped at 100, floored. */
export function criterionPercent(c: CriterionResult): number {
  if (c.met || c.required <= 0) return 100;
  const pct = Math.floor((Math.max(0, c.current) * 100) / c.required);
  return pct > 99 ? 99 : pct;
}

/**
 * The overall percent, read as what is left to do:
 * - 100 exactly when every criterion is met (the gate);
 * - 0 while nothing counts yet (`anyCounted` false: a cold pair shows 0, whatever the
 *   other side did);
 * - otherwise the mean of the criteria's own percents, held to at most
 *   AHEAD_OF_SLOWEST points above the least-advanced count criterion (so 9 of 12 points
 *   with everything else met reads 85, not 95), never below 1 and never above 99.
 */
export function progressPercent(criteria: readonly CriterionResult[], anyCounted: boolean): number {
  if (allMet(criteria)) return 100;
  if (!anyCounted) return 0;
  let sum = 0;
  let slowest = Infinity;
  for (let i = 0; i < criteria.length; i++) {
    const own = criterionPercent(criteria[i]);
    sum += own;
    if (COUNT_CRITERIA.has(criteria[i].key) && own < slowest) slowest = own;
  }
  let pct = Math.floor(sum / criteria.length);
  if (pct > slowest + AHEAD_OF_SLOWEST) pct = slowest + AHEAD_OF_SLOWEST;
  return pct > 99 ? 99 : pct < 1 ? 1 : pct;
}
