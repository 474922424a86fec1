import type { RequestBudget } from "./budget";
import { formatDate } from "./format-date";
import { RELATIONSHIP_STATUSES, type Evaluation, type NotCountedReason, type RelationshipStatus, type VerdictNote } from "./types";
import type { SendBarrier } from "./send-decision";

/**
 * The words for every status, in one table: why a send is refused (the service's error
 * messages), why the Connect button is locked (the profile), and the sentences next steps
 * share with them. Plain data in, a sentence out; dates read as "9 Dec 2026" (UTC).
 */
export type StatusWordsContext = {
  /** the other member's first name */
  firstName: string;
  /** the evaluation's first next step, when it has one */
  step?: string;
  /** the end of an active cooldown */
  cooldownUntil?: Date | string | null;
  /** the recipient's answer to the viewer's last declined request, while its cooldown runs */
  declineReason?: string | null;
  /** how many of the protocol's criteria are not met yet, when known (the lock's words for a warming pair) */
  unmetCount?: number;
};

type Words = (c: StatusWordsContext) => string;

type StatusWords = {
  /** why sending is refused in this status; null: it is not (warm sends, incoming accepts mutually) */
  refusal: Words | null;
  /** why the Connect button is locked in this status; null: it is not locked for this reason */
  lock: Words | null;
};

const SELF = "You can't send a connection request to yourself.";
/** A block is never revealed: it reads as the member not being there. */
export const MEMBER_NOT_FOUND = "That member could not be found.";
export const SUSPENDED = "Your account is suspended.";
export const leavingWords = (firstName: string) => `${firstName} is leaving Rapport, so they aren't taking new connection requests.`;
export const DUPLICATE_PENDING = "There is already a request waiting between the two of you.";
export const EMAIL_UNVERIFIED = "Please confirm your email address first: open the link we sent you, or ask for a new one from the banner at the top of the page.";
/**
 * A suspended recipient, on their profile's lock: the send itself answers "not found" (as for a
 * block), so nothing here says why.
 */
const notTakingRequests = (firstName: string) => `${firstName} isn't taking connection requests right now.`;

/** The lock's words for each barrier (sendBarrierOf, in send-decision.ts, decides which applies). */
const BARRIER_WORDS: Readonly<Record<SendBarrier, (firstName: string) => string>> = {
  email_unverified: () => EMAIL_UNVERIFIED,
  unavailable: notTakingRequests,
  leaving: leavingWords,
};

/** "Ana is not accepting connection requests." — the refusal, the lock and the next step. */
export const notAccepting = (name: string) => `${name} is not accepting connection requests.`;

const notWarm: Words = (c) => `You're not warmed up with ${c.firstName} yet. ${c.step ?? ""}`.trim();
const tooNew: Words = (c) => c.step ?? `Your account is too new to ask ${c.firstName} yet.`;

export const STATUS_WORDS: Readonly<Record<RelationshipStatus, StatusWords>> = Object.freeze({
  self: { refusal: () => SELF, lock: null },
  blocked: { refusal: () => MEMBER_NOT_FOUND, lock: null },
  connected: { refusal: (c) => `You're already connected with ${c.firstName}.`, lock: null },
  incoming: { refusal: null, lock: null },
  requested: { refusal: () => DUPLICATE_PENDING, lock: null },
  cooldown: {
    refusal: (c) =>
      c.cooldownUntil
        ? `You can ask ${c.firstName} again after ${formatDate(c.cooldownUntil)}.`
        : `You can't ask ${c.firstName} again just yet.`,
    lock: (c) => {
      const said =
        c.declineReason === "not_yet" ? `${c.firstName} said “not yet”. ` : c.declineReason === "no" ? `${c.firstName} declined. ` : "";
      return `${said}You can ask again after ${c.cooldownUntil ? formatDate(c.cooldownUntil) : "a while"}.`;
    },
  },
  closed: { refusal: (c) => notAccepting(c.firstName), lock: (c) => notAccepting(c.firstName) },
  too_new: { refusal: tooNew, lock: tooNew },
  warm: { refusal: null, lock: null },
  // The locks name what is missing, not what to do: the panel shows the next step beside them.
  warming: {
    refusal: notWarm,
    lock: (c) =>
      c.unmetCount && c.unmetCount > 0
        ? `Warming up: ${c.unmetCount === 1 ? "1 criterion" : `${c.unmetCount} criteria`} of ${c.firstName}'s protocol still to meet.`
        : `Warming up: ${c.firstName}'s protocol isn't met yet.`,
  },
  cold: { refusal: notWarm, lock: (c) => `Not warmed up yet: nothing counts toward ${c.firstName}'s protocol so far.` },
});

/** The statuses in which a send is refused, in the status table's order. */
export const REFUSED_STATUSES: readonly RelationshipStatus[] = RELATIONSHIP_STATUSES.filter((s) => STATUS_WORDS[s].refusal !== null);

export const weeklyLimitWords = (limit: number, freesAt: Date | string) =>
  `You've sent ${limit} requests in the last 7 days, the most allowed. You can send another from ${formatDate(freesAt)}.`;

export const pendingCapWords = (cap: number, freesAt: Date | string) =>
  `You have ${cap} requests waiting for an answer, the most allowed. Withdraw one, or wait: the oldest expires on ${formatDate(freesAt)}.`;

export type LockFacts = StatusWordsContext & {
  status: RelationshipStatus;
  budget: Pick<RequestBudget, "weeklyLimit" | "weeklyFreesAt" | "pendingCap" | "pendingFreesAt">;
};

/** Why the Connect button is locked, in plain words; null when it is not. */
export function lockReason(f: LockFacts): string | null {
  if (f.status === "warm") {
    if (f.budget.weeklyFreesAt) return weeklyLimitWords(f.budget.weeklyLimit, f.budget.weeklyFreesAt);
    if (f.budget.pendingFreesAt) return pendingCapWords(f.budget.pendingCap, f.budget.pendingFreesAt);
    return null;
  }
  const words = STATUS_WORDS[f.status]?.lock;
  return words ? words(f) : null;
}

/** Where the viewer stands with a member, as the relationship panel and the connect page read it. */
export type Standing = {
  evaluation: Pick<Evaluation, "status" | "nextSteps" | "cooldownUntil"> & Partial<Pick<Evaluation, "criteria">>;
  lastDecline: { reason: string | null } | null;
  budget: LockFacts["budget"];
  /** what stops a send whatever the warm-up (sendBarrierOf in send-decision.ts); absent where it is not read */
  barrier?: SendBarrier | null;
};

/**
 * lockReason for a standing: why the viewer may not ask `firstName` now; null when they may.
 * A barrier (an unconfirmed email, a recipient suspended or leaving) comes first, as in the send.
 * It never repeats a next step: the panel lists the steps beside it (see stepsBesideLock).
 */
export function lockReasonOf(r: Standing, firstName: string): string | null {
  const e = r.evaluation;
  if (r.barrier) return BARRIER_WORDS[r.barrier](firstName);
  return lockReason({
    status: e.status,
    firstName,
    step: e.nextSteps[0],
    cooldownUntil: e.cooldownUntil,
    declineReason: r.lastDecline?.reason ?? null,
    unmetCount: e.criteria?.filter((c) => !c.met).length,
    budget: r.budget,
  });
}

/**
 * Why a request sent now would be refused, in the send's own words (decideSend's order: a
 * barrier, then the status's refusal, then a warm pair's weekly limit or pending cap); null when
 * it would go through (for `incoming`, sending one accepts theirs). What the API tells a client
 * that has no Connect button to lock.
 */
export function refusalNowOf(r: Standing, firstName: string): string | null {
  const e = r.evaluation;
  if (r.barrier === "unavailable") return MEMBER_NOT_FOUND;
  // Another barrier, and a warm pair's spent budget, read the same in the lock and the refusal.
  if (r.barrier || e.status === "warm") return lockReasonOf(r, firstName);
  return STATUS_WORDS[e.status].refusal?.({ firstName, step: e.nextSteps[0], cooldownUntil: e.cooldownUntil }) ?? null;
}

/** Why an interaction did not count, as the timeline says it. `windowDays`: the recipient's freshness window. */
export function notCountedWords(reason: NotCountedReason | null, windowDays: number | null): string {
  switch (reason) {
    case "outside_window":
      return windowDays ? `outside the ${windowDays}-day window` : "outside the freshness window";
    case "over_daily_cap":
      return "over the daily cap";
    case "disputed":
      return "disputed — doesn't count";
    case "removed":
      return "removed — doesn't count";
    case "pending_not_counted":
      return "pending — counts once confirmed";
    case "introductions_off":
      return "introductions don't count for this protocol";
    case "in_future":
      return "dated in the future";
    default:
      return "doesn't count";
  }
}

/** Why an interaction counted only partly, after its points ("+1 pt · pending — counts half"). */
export const VERDICT_NOTE_WORDS: Readonly<Record<VerdictNote, string>> = Object.freeze({
  pending_half: "pending — counts half",
  capped: "partly over the daily cap",
});

/**
 * The next steps to show beside a lock: those the lock's words do not already say (a
 * cooldown, a too-new account or a closed protocol is said once, by the lock).
 */
export function stepsBesideLock(steps: readonly string[], lock: string | null): string[] {
  if (!lock) return [...steps];
  // A cooldown's date may be worded by two formatters (Intl's "Sept", ours "Sep"): match the phrase, not the date.
  const again = "You can ask again";
  return steps.filter((s) => !lock.includes(s.replace(/\.$/, "")) && !(lock.includes(again) && s.startsWith(again)));
}
