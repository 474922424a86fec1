import { describeCriterionLabel } from "./describe";
import type { CriterionKey, CriterionResult, Policy } from "./types";
import type { Tally } from "./tally";

function result(key: CriterionKey, current: number, required: number): CriterionResult {
  return { key, label: describeCriterionLabel(key, required, current), current, required, met: current >= required };
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

/**
 * Mean of each criterion's progress capped at 1, floored to a whole percent. It reads 100
 * only when every criterion is met: a nearly-there 99.6 must not look finished.
 */
export function progressPercent(criteria: readonly CriterionResult[]): number {
  if (allMet(criteria)) return 100;
  let sum = 0;
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i];
    sum += c.current >= c.required ? 1 : c.current / c.required;
  }
  const pct = Math.floor((sum * 100) / criteria.length);
  return pct > 99 ? 99 : pct < 0 ? 0 : pct;
}
