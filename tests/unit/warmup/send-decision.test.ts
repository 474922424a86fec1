import { describe, expect, it } from "vitest";
import type { RequestBudget } from "../../../lib/warmup/budget";
import { evaluate } from "../../../lib/warmup/evaluate";
import { decideSend, type SendFacts } from "../../../lib/warmup/send-decision";
import type { Evaluation, RelationshipStatus } from "../../../lib/warmup/types";
import { DAY, NOW, RECIPIENT, REQUESTER, evalInput, noRelation, outgoing, policy } from "./factories";

const OPEN_BUDGET: RequestBudget = {
  weeklyLimit: 20,
  sentThisWeek: 0,
  weeklyFreesAt: null,
  pendingCap: 50,
  pendingOutgoing: 0,
  pendingFreesAt: null,
};
const NOT_SUSPENDED = { suspendedAt: null, suspendedUntil: null };
const SUSPENDED_NOW = { suspendedAt: new Date(NOW.getTime() - DAY), suspendedUntil: null };
const LATER = new Date(NOW.getTime() + 3 * DAY);

/** A hand-made evaluation in the given status (the decision reads status, steps and cooldown). */
function evaluation(status: RelationshipStatus, over: Partial<Evaluation> = {}): Evaluation {
  return {
    status,
    gateMet: status === "warm",
    percent: status === "warm" ? 100 : 40,
    criteria: [],
    interactions: [],
    nextSteps: ["Interact once more."],
    cooldownUntil: null,
    evaluatedAt: NOW.toISOString(),
    ...over,
  };
}

function facts(over: Partial<SendFacts> = {}): SendFacts {
  return {
    requester: { id: REQUESTER, ...NOT_SUSPENDED },
    recipient: { id: RECIPIENT, name: "Ana Lima", ...NOT_SUSPENDED },
    evaluation: evaluation("warm"),
    budget: OPEN_BUDGET,
    now: NOW,
    ...over,
  };
}

const refusal = (f: SendFacts) => {
  const d = decideSend(f);
  if (d.ok) throw new Error("expected a refusal");
  return d;
};

describe("decideSend: each refusal, with the service's exact words", () => {
  it.each<[string, Partial<SendFacts>, string, string]>([
    ["self", { recipient: { id: REQUESTER, name: "Bob", ...NOT_SUSPENDED } }, "self", "You can't send a connection request to yourself."],
    ["a suspended requester", { requester: { id: REQUESTER, ...SUSPENDED_NOW } }, "suspended", "Your account is suspended."],
    ["a suspended recipient", { recipient: { id: RECIPIENT, name: "Ana", ...SUSPENDED_NOW } }, "not_found", "That member could not be found."],
    ["no evaluation (the member is not there)", { evaluation: null }, "not_found", "That member could not be found."],
    ["a block", { evaluation: evaluation("blocked") }, "not_found", "That member could not be found."],
    ["an evaluation of self", { evaluation: evaluation("self") }, "self", "You can't send a connection request to yourself."],
    ["already connected", { evaluation: evaluation("connected") }, "already_connected", "You're already connected with Ana."],
    ["a recipient who is leaving", { recipient: { id: RECIPIENT, name: "Ana Lima", leavingOn: LATER, ...NOT_SUSPENDED } }, "leaving", "Ana is leaving Rapport, so they aren't taking new connection requests."],
    ["a leaving recipient who blocked you (the block wins, never revealed)", { recipient: { id: RECIPIENT, name: "Ana", leavingOn: LATER, ...NOT_SUSPENDED }, evaluation: evaluation("blocked") }, "not_found", "That member could not be found."],
    ["a leaving recipient who had asked you (no new tie either)", { recipient: { id: RECIPIENT, name: "Ana", leavingOn: LATER, ...NOT_SUSPENDED }, evaluation: evaluation("incoming") }, "leaving", "Ana is leaving Rapport, so they aren't taking new connection requests."],
    ["a request already waiting", { evaluation: evaluation("requested") }, "duplicate_pending", "There is already a request waiting between the two of you."],
    ["a cooldown with a date", { evaluation: evaluation("cooldown", { cooldownUntil: "2026-12-09T10:00:00.000Z" }) }, "cooldown", "You can ask Ana again after 9 Dec 2026."],
    ["a cooldown without a date", { evaluation: evaluation("cooldown") }, "cooldown", "You can't ask Ana again just yet."],
    ["a closed protocol", { evaluation: evaluation("closed") }, "closed", "Ana is not accepting connection requests."],
    ["a too-new account", { evaluation: evaluation("too_new", { nextSteps: ["Old enough from 1 Jul."] }) }, "too_new", "Old enough from 1 Jul."],
    ["a too-new account, no step", { evaluation: evaluation("too_new", { nextSteps: [] }) }, "too_new", "Your account is too new to ask Ana yet."],
    ["warming", { evaluation: evaluation("warming") }, "warmup_incomplete", "You're not warmed up with Ana yet. Interact once more."],
    ["cold, no step", { evaluation: evaluation("cold", { nextSteps: [] }) }, "warmup_incomplete", "You're not warmed up with Ana yet."],
    [
      "the weekly limit",
      { budget: { ...OPEN_BUDGET, weeklyLimit: 2, sentThisWeek: 2, weeklyFreesAt: new Date("2026-06-15T09:00:00Z") } },
      "weekly_limit",
      "You've sent 2 requests in the last 7 days, the most allowed. You can send another from 15 Jun 2026.",
    ],
    [
      "the pending cap",
      { budget: { ...OPEN_BUDGET, pendingCap: 3, pendingOutgoing: 3, pendingFreesAt: new Date("2026-07-01T09:00:00Z") } },
      "pending_limit",
      "You have 3 requests waiting for an answer, the most allowed. Withdraw one, or wait: the oldest expires on 1 Jul 2026.",
    ],
  ])("%s", (_name, over, code, message) => {
    const d = refusal(facts(over));
    expect(d.code).toBe(code);
    expect(d.message).toBe(message);
  });

  it("gives retryAt for a cooldown and the limits, and the evaluation for an incomplete warm-up", () => {
    expect(refusal(facts({ evaluation: evaluation("cooldown", { cooldownUntil: LATER.toISOString() }) })).retryAt).toEqual(LATER);
    expect(refusal(facts({ budget: { ...OPEN_BUDGET, weeklyFreesAt: LATER } })).retryAt).toEqual(LATER);
    expect(refusal(facts({ budget: { ...OPEN_BUDGET, pendingFreesAt: LATER } })).retryAt).toEqual(LATER);
    const warming = evaluation("warming");
    expect(refusal(facts({ evaluation: warming })).details).toEqual({ evaluation: warming });
  });
});

describe("decideSend: what is allowed", () => {
  it("allows a warm pair within budget, with the evaluation to keep", () => {
    const e = evaluation("warm");
    expect(decideSend(facts({ evaluation: e }))).toEqual({ ok: true, mutual: false, evaluation: e });
  });

  it("answers an incoming request: accept mutually", () => {
    expect(decideSend(facts({ evaluation: evaluation("incoming") }))).toMatchObject({ ok: true, mutual: true });
  });

  it("a suspension that has ended does not count", () => {
    const ended = { suspendedAt: new Date(NOW.getTime() - 9 * DAY), suspendedUntil: new Date(NOW.getTime() - DAY) };
    expect(decideSend(facts({ requester: { id: REQUESTER, ...ended } })).ok).toBe(true);
  });

  it("works on a real evaluation from the engine", () => {
    const warm = evaluate(evalInput({ policy: policy("open"), interactions: [outgoing("reaction")] }));
    expect(decideSend(facts({ evaluation: warm })).ok).toBe(true);
    const cold = evaluate(evalInput({ relation: noRelation() }));
    expect(refusal(facts({ evaluation: cold })).code).toBe("warmup_incomplete");
  });
});

describe("decideSend: precedence, the first reason wins", () => {
  const everything: Partial<SendFacts> = {
    requester: { id: REQUESTER, ...SUSPENDED_NOW },
    recipient: { id: RECIPIENT, name: "Ana", ...SUSPENDED_NOW },
    evaluation: evaluation("blocked"),
    budget: { ...OPEN_BUDGET, weeklyFreesAt: LATER, pendingFreesAt: LATER },
  };

  it("self before a suspension", () => {
    expect(refusal(facts({ ...everything, recipient: { id: REQUESTER, name: "Bob", ...SUSPENDED_NOW } })).code).toBe("self");
  });
  it("the requester's suspension before the recipient's", () => {
    expect(refusal(facts(everything)).code).toBe("suspended");
  });
  it("the recipient's suspension before everything the evaluation says", () => {
    expect(refusal(facts({ ...everything, requester: { id: REQUESTER, ...NOT_SUSPENDED }, evaluation: evaluation("connected") })).code).toBe("not_found");
  });
  it("every status refusal before the budget; the weekly limit before the pending cap", () => {
    const budget = everything.budget;
    for (const [status, code] of [
      ["connected", "already_connected"],
      ["requested", "duplicate_pending"],
      ["cooldown", "cooldown"],
      ["closed", "closed"],
      ["too_new", "too_new"],
      ["warming", "warmup_incomplete"],
      ["cold", "warmup_incomplete"],
    ] as const) {
      expect(refusal(facts({ evaluation: evaluation(status), budget })).code).toBe(code);
    }
    expect(refusal(facts({ budget })).code).toBe("weekly_limit");
    expect(decideSend(facts({ evaluation: evaluation("incoming"), budget })).ok).toBe(true);
  });
});

describe("decideSend: the budget is read only for a warm pair", () => {
  it.each<RelationshipStatus>(["cold", "warming", "cooldown", "closed", "too_new", "connected", "requested", "blocked"])(
    "refuses a %s pair without needing the budget",
    (status) => {
      expect(decideSend(facts({ evaluation: evaluation(status), budget: null })).ok).toBe(false);
    },
  );

  it("refuses to decide a warm pair without the budget (a shell bug, not an allowed send)", () => {
    expect(() => decideSend(facts({ budget: null }))).toThrow(/budget/);
  });
});
