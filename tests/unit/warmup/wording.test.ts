import { describe, expect, it } from "vitest";
import { decideSend } from "../../../lib/warmup/send-decision";
import { NOT_COUNTED_REASONS, RELATIONSHIP_STATUSES, type Evaluation, type RelationshipStatus } from "../../../lib/warmup/types";
import { REFUSED_STATUSES, STATUS_WORDS, lockReason, lockReasonOf, notCountedWords, stepsBesideLock, VERDICT_NOTE_WORDS } from "../../../lib/warmup/wording";
import { sendBarrierOf } from "../../../lib/warmup/send-decision";
import { NOW } from "./factories";

const BUDGET = { weeklyLimit: 20, weeklyFreesAt: null, pendingCap: 50, pendingFreesAt: null };
const ctx = { firstName: "Ana", step: "Interact once more.", cooldownUntil: "2026-12-09T10:00:00.000Z", declineReason: "not_yet" };

// Statuses in which sending goes ahead rather than being refused.
const SENDABLE: readonly RelationshipStatus[] = ["warm", "incoming"];
// Statuses in which the Connect button shows something other than a lock (or shows nothing).
const UNLOCKED: readonly RelationshipStatus[] = ["self", "blocked", "connected", "incoming", "requested", "warm"];

describe("the words table covers every status (generated from the status list)", () => {
  it.each(RELATIONSHIP_STATUSES.map((s) => [s]))("%s has a row", (status) => {
    expect(STATUS_WORDS[status]).toBeDefined();
  });

  it.each(RELATIONSHIP_STATUSES.map((s) => [s]))("%s: refused with words unless it may be sent", (status) => {
    const words = STATUS_WORDS[status].refusal;
    if (SENDABLE.includes(status)) expect(words).toBeNull();
    else expect(words?.(ctx)).toMatch(/\S/);
  });

  it.each(RELATIONSHIP_STATUSES.map((s) => [s]))("%s: the lock says why, unless the button is not a lock", (status) => {
    const reason = lockReason({ status, ...ctx, budget: BUDGET });
    if (UNLOCKED.includes(status)) expect(reason).toBeNull();
    else expect(reason).toMatch(/\S/);
  });

  it.each(RELATIONSHIP_STATUSES.map((s) => [s]))("%s: decideSend's message is the table's refusal", (status) => {
    const evaluation: Evaluation = {
      status,
      gateMet: false,
      percent: 0,
      criteria: [],
      interactions: [],
      nextSteps: [ctx.step],
      cooldownUntil: ctx.cooldownUntil,
      evaluatedAt: NOW.toISOString(),
    };
    const none = { suspendedAt: null, suspendedUntil: null };
    const d = decideSend({
      requester: { id: "bob", ...none },
      recipient: { id: "ana", name: "Ana Lima", ...none },
      evaluation,
      budget: { ...BUDGET, sentThisWeek: 0, pendingOutgoing: 0 },
      now: NOW,
    });
    if (SENDABLE.includes(status)) expect(d.ok).toBe(true);
    else expect(d).toMatchObject({ ok: false, message: STATUS_WORDS[status].refusal!(ctx) });
  });

  it("lists the refused statuses in the status order", () => {
    expect(REFUSED_STATUSES).toEqual(RELATIONSHIP_STATUSES.filter((s) => !SENDABLE.includes(s)));
  });
});

describe("lock reasons in words", () => {
  it.each<[RelationshipStatus, Partial<typeof ctx> & { unmetCount?: number }, string]>([
    ["cold", {}, "Not warmed up yet: nothing counts toward Ana's protocol so far."],
    ["warming", {}, "Warming up: Ana's protocol isn't met yet."],
    ["warming", { unmetCount: 1 }, "Warming up: 1 criterion of Ana's protocol still to meet."],
    ["warming", { unmetCount: 3 }, "Warming up: 3 criteria of Ana's protocol still to meet."],
    ["cooldown", {}, "Ana said “not yet”. You can ask again after 9 Dec 2026."],
    ["cooldown", { declineReason: "no" }, "Ana declined. You can ask again after 9 Dec 2026."],
    ["cooldown", { declineReason: undefined, cooldownUntil: undefined }, "You can ask again after a while."],
    ["closed", {}, "Ana is not accepting connection requests."],
    ["too_new", {}, "Interact once more."],
    ["too_new", { step: undefined }, "Your account is too new to ask Ana yet."],
  ])("%s %j", (status, over, words) => {
    expect(lockReason({ status, ...ctx, ...over, budget: BUDGET })).toBe(words);
  });

  it("warm but over budget: the weekly limit first, then the pending cap", () => {
    const at = new Date("2026-06-15T09:00:00Z");
    expect(lockReason({ status: "warm", ...ctx, budget: { ...BUDGET, weeklyLimit: 2, weeklyFreesAt: at, pendingFreesAt: at } })).toBe(
      "You've sent 2 requests in the last 7 days, the most allowed. You can send another from 15 Jun 2026.",
    );
    expect(lockReason({ status: "warm", ...ctx, budget: { ...BUDGET, pendingCap: 3, pendingFreesAt: at } })).toBe(
      "You have 3 requests waiting for an answer, the most allowed. Withdraw one, or wait: the oldest expires on 15 Jun 2026.",
    );
  });
});

describe("why an interaction did not count", () => {
  it.each(NOT_COUNTED_REASONS.map((r) => [r]))("%s has its own words", (reason) => {
    const words = notCountedWords(reason, 180);
    expect(words).toMatch(/\S/);
    expect(words).not.toBe(notCountedWords(null, 180));
  });

  it("names the window when it is known", () => {
    expect(notCountedWords("outside_window", 180)).toBe("outside the 180-day window");
    expect(notCountedWords("outside_window", null)).toBe("outside the freshness window");
  });

  it("words each partial count", () => {
    expect(VERDICT_NOTE_WORDS).toEqual({ pending_half: "pending — counts half", capped: "partly over the daily cap" });
  });
});

describe("lockReasonOf: the panel's and the connect page's one reading of a standing", () => {
  it("says the recipient's answer and when to ask again during a cooldown", () => {
    const standing = {
      evaluation: { status: "cooldown" as const, nextSteps: [], cooldownUntil: "2026-12-09T10:00:00.000Z" },
      lastDecline: { reason: "not_yet" },
      budget: BUDGET,
    };
    expect(lockReasonOf(standing, "Ana")).toBe("Ana said “not yet”. You can ask again after 9 Dec 2026.");
  });

  it("is null only for a warm pair with budget left", () => {
    const warm = { evaluation: { status: "warm" as const, nextSteps: [], cooldownUntil: null }, lastDecline: null, budget: BUDGET };
    expect(lockReasonOf(warm, "Ana")).toBeNull();
    expect(lockReasonOf({ ...warm, budget: { ...BUDGET, weeklyFreesAt: new Date("2026-12-01T00:00:00Z") } }, "Ana")).toMatch(/in the last 7 days/);
  });

  it("a barrier outside the warm-up locks even a warm pair, first of all reasons, in the send's own order", () => {
    const warm = { evaluation: { status: "warm" as const, nextSteps: [], cooldownUntil: null }, lastDecline: null, budget: BUDGET };
    const barrier = (emailVerified: boolean, suspended: boolean, leavingOn: Date | null, status: RelationshipStatus = "warm") =>
      sendBarrierOf({ status, viewer: { emailVerified }, other: { suspended, leavingOn } });
    expect(barrier(true, false, null)).toBeNull();
    expect(barrier(false, true, new Date())).toBe("email_unverified");
    expect(barrier(true, true, new Date())).toBe("unavailable");
    expect(barrier(true, false, new Date())).toBe("leaving");
    // a block reads as not found, never as leaving; yourself is yourself
    expect(barrier(true, false, new Date(), "blocked")).toBeNull();
    expect(barrier(true, true, new Date(), "self")).toBeNull();
    expect(lockReasonOf({ ...warm, barrier: "email_unverified" }, "Ana")).toMatch(/^Please confirm your email address first/);
    expect(lockReasonOf({ ...warm, barrier: "unavailable" }, "Ana")).toBe("Ana isn't taking connection requests right now.");
    expect(lockReasonOf({ ...warm, barrier: "leaving" }, "Ana")).toBe("Ana is leaving Rapport, so they aren't taking new connection requests.");
    const cooling = { evaluation: { status: "cooldown" as const, nextSteps: [], cooldownUntil: "2026-12-09T10:00:00.000Z" }, lastDecline: { reason: "not_yet" }, budget: BUDGET };
    expect(lockReasonOf({ ...cooling, barrier: "leaving" }, "Ana")).toMatch(/is leaving Rapport/);
    expect(lockReasonOf({ ...cooling, barrier: null }, "Ana")).toMatch(/said “not yet”/);
  });
});

describe("next steps beside the lock", () => {
  it("never repeats what the lock already says", () => {
    const lock = lockReason({ status: "cooldown", ...ctx, budget: BUDGET });
    expect(stepsBesideLock(["You can ask again after 9 Dec 2026.", "Wait until Ana interacts with you too."], lock)).toEqual([
      "Wait until Ana interacts with you too.",
    ]);
    const closed = lockReason({ status: "closed", ...ctx, budget: BUDGET });
    expect(stepsBesideLock(["Ana is not accepting connection requests."], closed)).toEqual([]);
  });

  it("keeps every step of a warming pair: its lock names what is missing, not what to do", () => {
    const lock = lockReason({ status: "warming", ...ctx, unmetCount: 2, budget: BUDGET });
    expect(stepsBesideLock(["Interact once more.", "Come back on another day."], lock)).toEqual(["Interact once more.", "Come back on another day."]);
    expect(stepsBesideLock(["Interact once more."], null)).toEqual(["Interact once more."]);
  });
});
