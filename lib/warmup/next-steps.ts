import type { CriterionResult, RelationshipStatus } from "./types";
import { formatDay } from "./utc-day";
import { notAccepting } from "./wording";

export type NextStepContext = {
  status: RelationshipStatus;
  recipientName: string;
  criteria: readonly CriterionResult[];
  gateMet: boolean;
  /** today's point cap is used up */
  capReachedToday: boolean;
  dailyPointCap: number;
  /** UTC day number the cooldown ends on, NaN if none */
  cooldownDay: number;
  /** UTC day number the requester's account becomes old enough, NaN if unknown */
  oldEnoughDay: number;
  minAccountAgeDays: number;
  /** points a comment is worth, to make "N more points" concrete */
  commentWeight: number;
};

function times(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

// Most useful first: a conversation usually brings points and an interaction with it;
// days, span and the other side's reply can only come with time.
const STEP_ORDER = ["conversation", "interactions", "points", "distinctDays", "spanDays", "reciprocity"] as const;

function criterionStep(c: CriterionResult, name: string, commentWeight: number): string {
  const missing = c.required - c.current;
  switch (c.key) {
    case "conversation":
      return `Reply to one of ${name}'s posts — you still need a real conversation.`;
    case "interactions":
      if (c.current === 0) return `Interact with ${name} ${missing === 1 ? "once" : `${missing} times`}.`;
      return missing === 1 ? "Interact once more." : `Interact ${missing} more times.`;
    case "points":
      return `${times(missing, "more point", "more points")} needed — a comment is worth ${commentWeight}.`;
    case "distinctDays":
      if (c.current === 0) {
        return c.required === 1
          ? `Interact with ${name} once.`
          : `Interact with ${name} on ${c.required} different days (days are counted in UTC).`;
      }
      return `Come back on another day: ${times(missing, "more distinct day", "more distinct days")} needed (days are counted in UTC).`;
    case "spanDays":
      return `Keep the conversation going for ${times(missing, "more day", "more days")}.`;
    case "reciprocity":
      return `Wait until ${name} interacts with you too.`;
    default:
      return "";
  }
}

function warmingSteps(ctx: NextStepContext, name: string): string[] {
  const steps: string[] = [];
  const unmet = ctx.criteria.filter((c) => !c.met);
  // The cap only matters when something other than the other side's reply is missing.
  if (ctx.capReachedToday && unmet.some((c) => c.key !== "reciprocity")) {
    steps.push(`You've reached today's limit of ${times(ctx.dailyPointCap, "point", "points")} — come back tomorrow.`);
  }
  for (const key of STEP_ORDER) {
    const c = unmet.find((u) => u.key === key);
    if (!c) continue;
    // "1 day" is implied by the first interaction; don't say the same thing twice.
    if (key === "distinctDays" && c.required === 1 && unmet.some((u) => u.key === "interactions")) continue;
    steps.push(criterionStep(c, name, ctx.commentWeight));
  }
  return steps;
}

/** Plain, kind next steps for the requester, most useful first; at most one per unmet criterion. */
export function nextSteps(ctx: NextStepContext): string[] {
  const name = ctx.recipientName?.trim() || "this member";
  switch (ctx.status) {
    case "self":
    case "blocked":
      // Nothing to do with yourself; and a block must not be hinted at.
      return [];
    case "connected":
      return ["You're connected."];
    case "incoming":
      return [`${name} has asked to connect with you — you can accept or decline.`];
    case "requested":
      return [`Your request is waiting for ${name}'s answer.`];
    case "closed":
      return [notAccepting(name)];
    case "cooldown": {
      const first = Number.isFinite(ctx.cooldownDay)
        ? `You can ask again after ${formatDay(ctx.cooldownDay)}.`
        : "You can ask again later.";
      return ctx.gateMet ? [first] : [first, ...warmingSteps(ctx, name)];
    }
    case "too_new": {
      const rule = `${name} accepts requests from accounts at least ${times(ctx.minAccountAgeDays, "day", "days")} old`;
      const first = Number.isFinite(ctx.oldEnoughDay)
        ? `${rule} — you can ask from ${formatDay(ctx.oldEnoughDay)}.`
        : `${rule}.`;
      return ctx.gateMet ? [first] : [first, ...warmingSteps(ctx, name)];
    }
    case "warm":
      return [`You're warmed up — send ${name} a personal note with your request.`];
    default:
      return warmingSteps(ctx, name);
  }
}
