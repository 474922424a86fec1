import { DAY } from "./time";
import { sortedOrder } from "./order";
import type { EngineInteraction, InteractionVerdict, NotCountedReason, Policy, Verification } from "./types";
import { dayString } from "./utc-day";
import { isConversational } from "./weights";

/** What the counted interactions add up to, plus a verdict for each interaction of the pair. */
export type Tally = {
  /** newest first */
  verdicts: InteractionVerdict[];
  points: number;
  interactions: number;
  distinctDays: number;
  spanDays: number;
  conversation: boolean;
  reciprocity: boolean;
  /** today's (UTC) point cap is used up: more interactions today would not count */
  capReachedToday: boolean;
  /** a pending logged interaction of the requester's is among them */
  sawPendingOutgoing: boolean;
  /** with `pendingAsConfirmed`: how many of those, taken as confirmed, count; else 0 */
  unlockedPending: number;
};

// Invalid dates sort first and are reported as outside the window.
const INVALID_MS = -Infinity;

/** Whole, non-negative points; anything odd is worth nothing. */
function weightOf(it: EngineInteraction): number {
  const w = it.weight;
  return typeof w === "number" && w > 0 && w !== Infinity ? Math.floor(w) : 0;
}

function cmp(x: unknown, y: unknown): number {
  return x === y ? 0 : (x as string) < (y as string) ? -1 : (x as string) > (y as string) ? 1 : 0;
}

/** Equal times go by id; the other fields only separate malformed duplicates. */
function tie(x: EngineInteraction, xOut: boolean, y: EngineInteraction, yOut: boolean): number {
  return (
    cmp(x.id, y.id) ||
    (xOut === yOut ? 0 : xOut ? -1 : 1) ||
    cmp(x.kind, y.kind) ||
    cmp(x.verification, y.verification) ||
    cmp(x.weight, y.weight)
  );
}

/** Epoch ms of an interaction; invalid dates as INVALID_MS. */
function msOf(it: EngineInteraction): number {
  const t = it.occurredAt instanceof Date ? it.occurredAt.getTime() : NaN;
  return t === t ? t : INVALID_MS;
}

/**
 * The pair's interactions in (time, id) order, for input that is not already in that order:
 * the one super-linear path, taken only when the caller did not keep the contract.
 */
function sortedPairItems(
  all: readonly EngineInteraction[],
  total: number,
  requesterId: string,
  recipientId: string,
): EngineInteraction[] {
  const items: EngineInteraction[] = [];
  const times: number[] = [];
  const outs: boolean[] = [];
  let j = 0;
  for (let i = 0; i < total; i++) {
    const it = all[i];
    if (it == null) continue;
    const out = it.actorId === requesterId && it.targetId === recipientId;
    if (!out && !(it.actorId === recipientId && it.targetId === requesterId)) continue;
    items[j] = it;
    times[j] = msOf(it);
    outs[j] = out;
    j++;
  }
  const order = sortedOrder(times, (a, b) => tie(items[a], outs[a], items[b], outs[b]));
  const sorted: EngineInteraction[] = new Array(j);
  for (let k = 0; k < j; k++) sorted[k] = items[order[k]];
  return sorted;
}

/**
 * `pendingAsConfirmed`: count the requester's pending logged interactions as if the recipient
 * had confirmed them (what-if for the "waits for confirmation" next step), and report in
 * `unlockedPending` how many of them then count. No copy of the input is made.
 */
export function tally(
  all: readonly EngineInteraction[],
  requesterId: string,
  recipientId: string,
  policy: Policy,
  nowMs: number,
  pendingAsConfirmed = false,
): Tally {
  // Only the pair's interactions, in both directions; self-interactions never qualify.
  const total = requesterId !== recipientId ? all.length : 0;
  // One pass over the input as given, checking on the way that it keeps the contract of
  // EvaluateInput.interactions ((time, id) order, as the database reads give them). Only when
  // it does not is a sorted copy of the pair's rows made and walked instead.
  return (
    walk(all, total, requesterId, recipientId, policy, nowMs, pendingAsConfirmed, true) ??
    walk(sortedPairItems(all, total, requesterId, recipientId), -1, requesterId, recipientId, policy, nowMs, pendingAsConfirmed, false)!
  );
}

/**
 * The counting pass. `check`: give up (null) at the first row out of (time, id) order.
 * `length` -1: the whole of `src`. Verdicts are written from the end of the list, so it reads newest first.
 */
function walk(
  src: readonly EngineInteraction[],
  length: number,
  requesterId: string,
  recipientId: string,
  policy: Policy,
  nowMs: number,
  pendingAsConfirmed: boolean,
  check: boolean,
): Tally | null {
  const srcLength = length < 0 ? src.length : length;
  const windowStart = nowMs - policy.freshnessDays * DAY;
  const today = Math.floor(nowMs / DAY);
  const cap = policy.dailyPointCap;
  const pending = policy.pendingLoggedCounts;
  const allowIntroductions = policy.allowIntroductions;
  // Newest first: filled from the end, so no reverse; trimmed when rows of other pairs were skipped.
  const verdicts: InteractionVerdict[] = new Array(srcLength);
  let slot = srcLength;

  let points = 0;
  let count = 0;
  let days = 0;
  let firstDay = 0;
  let lastDay = NaN;
  let conversation = false;
  let reciprocity = false;
  let capReachedToday = false;
  let capDay = NaN;
  let remaining = 0;
  let labelDay = NaN;
  let label = "";
  let unlockedPending = 0;
  let sawPendingOutgoing = false;
  let prev: EngineInteraction | null = null;
  let prevMs = 0;
  let prevOut = false;

  for (let i = 0; i < srcLength; i++) {
    const it = src[i];
    if (it == null) continue;
    const out = it.actorId === requesterId && it.targetId === recipientId;
    if (!out && !(it.actorId === recipientId && it.targetId === requesterId)) continue;
    const ms = msOf(it);
    if (check) {
      if (prev !== null && (ms < prevMs || (ms === prevMs && tie(prev, prevOut, it, out) > 0))) return null;
      prev = it;
      prevMs = ms;
      prevOut = out;
    }
    const day = ms === INVALID_MS ? NaN : Math.floor(ms / DAY);
    let reason: NotCountedReason | null = null;
    let note: InteractionVerdict["note"] = null;
    let pts = 0;
    const pendingOut = out && it.verification === "pending";
    if (pendingOut) sawPendingOutgoing = true;
    const asConfirmed = pendingAsConfirmed && pendingOut;
    const v = asConfirmed ? "confirmed" : it.verification;
    const confirmed = v === "verified" || v === "confirmed";

    // Reasons in order of permanence: the first that applies is the one reported.
    if (v === "removed") reason = "removed";
    else if (v === "disputed") reason = "disputed";
    else if (ms === INVALID_MS) reason = "outside_window";
    else if (ms > nowMs) reason = "in_future";
    else if (ms < windowStart) reason = "outside_window";
    else if (it.kind === "introduction" && !allowIntroductions) reason = "introductions_off";
    else if (!confirmed && pending === "none") reason = "pending_not_counted";
    else if (out) {
      pts = weightOf(it);
      if (!confirmed && pending === "half") {
        // Pending at half, rounded down; worth nothing means it does not count yet.
        pts = Math.floor(pts / 2);
        if (pts === 0) reason = "pending_not_counted";
        else note = "pending_half";
      }
      if (reason === null) {
        // The day's counted interactions, in time order, share the cap; once it is
        // used up the rest of that day does not count at all (not even as an interaction).
        if (day !== capDay) {
          capDay = day;
          remaining = cap;
        }
        if (remaining <= 0) {
          reason = "over_daily_cap";
          note = null;
        } else if (pts > remaining) {
          pts = remaining;
          note = "capped";
        }
        if (reason === null) remaining -= pts;
        else pts = 0;
        if (remaining <= 0 && day === today) capReachedToday = true;
      }
    }

    const counted = reason === null;
    if (counted) {
      if (out) {
        if (count === 0) {
          firstDay = day;
          days = 1;
        } else if (day !== lastDay) days++;
        lastDay = day;
        count++;
        points += pts;
        if (!conversation && isConversational(it.kind)) conversation = true;
        if (asConfirmed) unlockedPending++;
      } else reciprocity = true;
    }
    if (day !== labelDay) {
      labelDay = day;
      label = dayString(day);
    }
    verdicts[--slot] = {
      id: it.id,
      direction: out ? "outgoing" : "incoming",
      counted,
      points: out ? pts : 0,
      note: out && counted ? note : null,
      reason,
      day: label,
    };
  }

  return {
    verdicts: slot === 0 ? verdicts : verdicts.slice(slot),
    points,
    interactions: count,
    distinctDays: days,
    // Calendar days, like distinct days: Monday 23:00 and Wednesday 01:00 span 2 days, not 1.
    spanDays: count > 1 ? lastDay - firstDay : 0,
    conversation,
    reciprocity,
    capReachedToday,
    sawPendingOutgoing,
    unlockedPending,
  };
}

/**
 * Why an interaction the evaluation did not see does not count (the loader reads only the
 * freshness window): the permanent reasons first, as tally() orders them, then the window.
 * null when none applies. `windowDays` null: the window is not known.
 */
export function reasonWithoutVerdict(
  it: { verification: Verification; occurredAt: Date },
  now: Date,
  windowDays: number | null,
): NotCountedReason | null {
  if (it.verification === "removed") return "removed";
  if (it.verification === "disputed") return "disputed";
  if (windowDays !== null && it.occurredAt.getTime() < now.getTime() - windowDays * DAY) return "outside_window";
  return null;
}
