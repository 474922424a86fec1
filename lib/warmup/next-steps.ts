import type { CriterionResult, RelationshipStatus } from "./types";
import { formatDay } from "./utc-day";
import { notAccepting } from "./wording";

export type NextStepContext = {
  status: RelationshipStatus;
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
  /** the recipient has posts to reply to (false: suggest kudos, a mention or a logged meeting instead) */
  recipientHasPosts: boolean;
  /** outgoing logged interactions waiting for the recipient's confirmation that, confirmed, meet the gate (0: none would) */
  pendingUnlock: number;
};

/** At most this many steps: one primary action and two more. */
export const MAX_STEPS = 3;

/**
 * A next step as data: a code and the numbers its words need, without the recipient's name
 * or the admin's weights (both are filled in when it is put into words, so a stored step
 * stays right when either changes). Days are UTC day numbers, null when unknown.
 */
export type NextStep =
  | { code: "connected" | "incoming" | "requested" | "closed" | "warm" | "reciprocity" }
  | { code: "conversation"; noPosts?: true }
  | { code: "pending_confirmation"; count: number }
  | { code: "cooldown"; day: number | null }
  | { code: "too_new"; minDays: number; day: number | null }
  | { code: "cap_reached"; cap: number }
  | { code: "interactions"; current: number; missing: number }
  | { code: "points"; missing: number; noPosts?: true }
  | { code: "distinct_days"; current: number; required: number; missing: number }
  | { code: "span_days"; missing: number };

export const NEXT_STEP_CODES = [
  "connected",
  "incoming",
  "requested",
  "closed",
  "warm",
  "conversation",
  "reciprocity",
  "cooldown",
  "too_new",
  "cap_reached",
  "pending_confirmation",
  "interactions",
  "points",
  "distinct_days",
  "span_days",
] as const satisfies readonly NextStep["code"][];

function times(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

const dayOrNull = (day: number) => (Number.isFinite(day) ? day : null);

// Most useful first: a conversation usually brings points and an interaction with it;
// days, span and the other side's reply can only come with time.
const STEP_ORDER = ["conversation", "interactions", "points", "distinctDays", "spanDays", "reciprocity"] as const;

function criterionStep(c: CriterionResult, hasPosts: boolean): NextStep {
  const missing = c.required - c.current;
  switch (c.key) {
    case "conversation":
      return hasPosts ? { code: "conversation" } : { code: "conversation", noPosts: true };
    case "interactions":
      return { code: "interactions", current: c.current, missing };
    case "points":
      return hasPosts ? { code: "points", missing } : { code: "points", missing, noPosts: true };
    case "distinctDays":
      return { code: "distinct_days", current: c.current, required: c.required, missing };
    case "spanDays":
      return { code: "span_days", missing };
    case "reciprocity":
      return { code: "reciprocity" };
  }
}

/** The unmet criterion with this key, or null (criteria are few: a loop, no closures). */
function unmetWith(criteria: readonly CriterionResult[], key: CriterionResult["key"]): CriterionResult | null {
  for (let i = 0; i < criteria.length; i++) if (criteria[i].key === key && !criteria[i].met) return criteria[i];
  return null;
}

/** Appends the warming-up steps to `steps`, up to MAX_STEPS in all. */
function warmingSteps(ctx: NextStepContext, steps: NextStep[]): NextStep[] {
  const criteria = ctx.criteria;
  if (ctx.pendingUnlock > 0) {
    // Nothing more is needed from the requester: say what the request waits for, not "come back tomorrow".
    steps.push({ code: "pending_confirmation", count: ctx.pendingUnlock });
  } else if (ctx.capReachedToday) {
    // The cap only matters when something other than the other side's reply is missing.
    for (let i = 0; i < criteria.length; i++) {
      if (!criteria[i].met && criteria[i].key !== "reciprocity") {
        steps.push({ code: "cap_reached", cap: ctx.dailyPointCap });
        break;
      }
    }
  }
  for (let k = 0; k < STEP_ORDER.length && steps.length < MAX_STEPS; k++) {
    const key = STEP_ORDER[k];
    const c = unmetWith(criteria, key);
    if (c === null) continue;
    // "1 day" is implied by the first interaction; don't say the same thing twice.
    if (key === "distinctDays" && c.required === 1 && unmetWith(criteria, "interactions") !== null) continue;
    steps.push(criterionStep(c, ctx.recipientHasPosts));
  }
  return steps;
}

/**
 * The requester's next steps as data: the primary one first, then at most two more
 * (MAX_STEPS), at most one per unmet criterion.
 */
export function nextStepCodes(ctx: NextStepContext): NextStep[] {
  const steps = allSteps(ctx);
  return steps.length > MAX_STEPS ? steps.slice(0, MAX_STEPS) : steps;
}

function allSteps(ctx: NextStepContext): NextStep[] {
  switch (ctx.status) {
    case "self":
    case "blocked":
      // Nothing to do with yourself; and a block must not be hinted at.
      return [];
    case "connected":
    case "incoming":
    case "requested":
    case "closed":
    case "warm":
      return [{ code: ctx.status }];
    case "cooldown": {
      const first: NextStep = { code: "cooldown", day: dayOrNull(ctx.cooldownDay) };
      return ctx.gateMet ? [first] : warmingSteps(ctx, [first]);
    }
    case "too_new": {
      const first: NextStep = { code: "too_new", minDays: ctx.minAccountAgeDays, day: dayOrNull(ctx.oldEnoughDay) };
      return ctx.gateMet ? [first] : warmingSteps(ctx, [first]);
    }
    default:
      return warmingSteps(ctx, []);
  }
}

/**
 * A next step in plain, kind words, addressed to the requester. `recipientName` is used as
 * given in every sentence (callers pass the first name: one form of each name).
 */
export function stepWords(step: NextStep, recipientName: string, commentWeight: number): string {
  const name = recipientName?.trim() || "this member";
  switch (step.code) {
    case "connected":
      return "You're connected.";
    case "incoming":
      return `${name} has asked to connect with you — you can accept or decline.`;
    case "requested":
      return `Your request is waiting for ${name}'s answer.`;
    case "closed":
      return notAccepting(name);
    case "warm":
      return `You're warmed up — send ${name} a personal note with your request.`;
    case "cooldown":
      return step.day !== null ? `You can ask again after ${formatDay(step.day)}.` : "You can ask again later.";
    case "too_new": {
      const rule = `${name} accepts requests from accounts at least ${times(step.minDays, "day", "days")} old`;
      return step.day !== null ? `${rule} — you can ask from ${formatDay(step.day)}.` : `${rule}.`;
    }
    case "cap_reached":
      return `You've reached today's limit of ${times(step.cap, "point", "points")} — come back tomorrow.`;
    case "conversation":
      return step.noPosts
        ? `You still need a real conversation: ${name} has no posts yet, so give ${name} kudos, or meet elsewhere and log it.`
        : `Reply to one of ${name}'s posts — you still need a real conversation.`;
    case "pending_confirmation":
      return step.count === 1
        ? `1 logged interaction waits for ${name}'s confirmation — confirmed, it meets the protocol.`
        : `${step.count} logged interactions wait for ${name}'s confirmation — confirmed, they meet the protocol.`;
    case "interactions":
      if (step.current === 0) return `Interact with ${name} ${step.missing === 1 ? "once" : `${step.missing} times`}.`;
      return step.missing === 1 ? "Interact once more." : `Interact ${step.missing} more times.`;
    case "points":
      return step.noPosts
        ? `${times(step.missing, "more point", "more points")} needed — mention ${name} in a post, give kudos, or log a meeting elsewhere.`
        : `${times(step.missing, "more point", "more points")} needed — a comment is worth ${commentWeight}.`;
    case "distinct_days":
      if (step.current === 0) {
        return step.required === 1
          ? `Interact with ${name} once.`
          : `Interact with ${name} on ${step.required} different days (days are counted in UTC).`;
      }
      return `Come back on another day: ${times(step.missing, "more distinct day", "more distinct days")} needed (days are counted in UTC).`;
    case "span_days":
      return `Keep the conversation going for ${times(step.missing, "more day", "more days")}.`;
    case "reciprocity":
      return `Wait until ${name} interacts with you too.`;
  }
}

