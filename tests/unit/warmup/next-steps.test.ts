import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/warmup/evaluate";
import type { Criteria, EngineInteraction, EvaluateInput } from "../../../lib/warmup/types";
import { DAY, NOW, at, customPolicy, daysAgo, evalInput, incoming, noRelation, outgoing, policy } from "./factories";

const steps = (over: Partial<EvaluateInput>) => evaluate(evalInput(over)).nextSteps;
const stepsFor = (criteria: Partial<Criteria>, interactions: EngineInteraction[] = []) =>
  steps({ policy: customPolicy(criteria), interactions });

describe("next steps for each unmet criterion", () => {
  it.each<[string, Partial<Criteria>, EngineInteraction[], string]>([
    ["a conversation", { requireConversation: true }, [outgoing("reaction")], "Reply to one of Ana's posts — you still need a real conversation."],
    ["another day", { minDistinctDays: 2 }, [outgoing("comment")], "Come back on another day: 1 more distinct day needed (days are counted in UTC)."],
    ["two more days", { minDistinctDays: 3 }, [outgoing("comment")], "Come back on another day: 2 more distinct days needed (days are counted in UTC)."],
    ["first days", { minDistinctDays: 2 }, [], "Interact with Ana on 2 different days (days are counted in UTC)."],
    ["more interactions", { minInteractions: 3 }, [outgoing("comment")], "Interact 2 more times."],
    ["one more interaction", { minInteractions: 2 }, [outgoing("comment")], "Interact once more."],
    ["a first interaction", { minInteractions: 1 }, [], "Interact with Ana once."],
    ["more points", { minPoints: 6 }, [outgoing("reaction"), outgoing("mention")], "3 more points needed — a comment is worth 3."],
    ["one more point", { minPoints: 4 }, [outgoing("comment")], "1 more point needed — a comment is worth 3."],
    ["a longer span", { minSpanDays: 14 }, [outgoing("comment", { occurredAt: daysAgo(9) }), outgoing("comment", { occurredAt: NOW })], "Keep the conversation going for 5 more days."],
    ["the other side", { requireReciprocity: true }, [], "Wait until Ana interacts with you too."],
  ])("asks for %s", (_label, criteria, list, expected) => {
    expect(stepsFor(criteria, list)).toEqual([expected]);
  });

  it("puts the most useful step first and adds at most two more", () => {
    expect(steps({ policy: policy("strict") })).toEqual([
      "Reply to one of Ana's posts — you still need a real conversation.",
      "Interact with Ana 4 times.",
      "12 more points needed — a comment is worth 3.",
    ]);
  });

  it("does not repeat itself when one day is implied by the first interaction", () => {
    expect(steps({ policy: policy("friendly") })).toEqual(["Interact with Ana once.", "3 more points needed — a comment is worth 3."]);
  });

  it("says nothing about criteria already met", () => {
    const list = [outgoing("comment", { occurredAt: daysAgo(1) }), outgoing("comment")];
    expect(stepsFor({ minPoints: 6, minInteractions: 2, requireConversation: true, requireReciprocity: true }, list)).toEqual([
      "Wait until Ana interacts with you too.",
    ]);
  });

  it("quotes the admin's current comment weight when given", () => {
    expect(steps({ policy: customPolicy({ minPoints: 6 }), weights: { comment: 4 } })).toEqual([
      "6 more points needed — a comment is worth 4.",
    ]);
  });
});

describe("the daily cap in next steps", () => {
  const today = (h: number) => new Date(Date.UTC(2026, 5, 10, h));
  it("tells the requester to come back tomorrow once today's points are used up", () => {
    const list = [outgoing("introduction", { occurredAt: today(8) }), outgoing("comment", { occurredAt: today(9) })];
    expect(stepsFor({ minPoints: 12, minDistinctDays: 2 }, list)).toEqual([
      "You've reached today's limit of 6 points — come back tomorrow.",
      "6 more points needed — a comment is worth 3.",
      "Come back on another day: 1 more distinct day needed (days are counted in UTC).",
    ]);
  });

  it("says nothing about the cap when it was reached on an earlier day", () => {
    const list = [outgoing("introduction", { occurredAt: daysAgo(1) }), outgoing("comment", { occurredAt: daysAgo(1) })];
    expect(stepsFor({ minPoints: 12 }, list)).toEqual(["6 more points needed — a comment is worth 3."]);
  });

  it("says nothing about the cap when only the other side's interaction is missing", () => {
    const list = [outgoing("introduction", { occurredAt: today(8) }), outgoing("comment", { occurredAt: today(9) })];
    expect(stepsFor({ minPoints: 6, requireReciprocity: true }, list)).toEqual(["Wait until Ana interacts with you too."]);
  });
});

describe("next steps by status", () => {
  it.each<[string, Partial<EvaluateInput>, string[]]>([
    ["self", { requesterId: "ana" }, []],
    ["blocked", { relation: noRelation({ blocked: true }) }, []],
    ["connected", { relation: noRelation({ connected: true }) }, ["You're connected."]],
    ["incoming", { relation: noRelation({ pendingIncoming: true }) }, ["Ana has asked to connect with you — you can accept or decline."]],
    ["requested", { relation: noRelation({ pendingOutgoing: true }) }, ["Your request is waiting for Ana's answer."]],
    ["closed", { policy: policy("closed") }, ["Ana is not accepting connection requests."]],
    ["warm", { policy: policy("open") }, ["You're warmed up — send Ana a personal note with your request."]],
    [
      "cooldown, already warm",
      { policy: policy("open"), relation: noRelation({ cooldownUntil: at("2026-12-09T10:00:00Z") }) },
      ["You can ask again after 9 Dec 2026."],
    ],
    [
      "too new, already warm",
      { policy: policy("open", { minAccountAgeDays: 30 }), requesterCreatedAt: at("2026-06-01T15:00:00Z") },
      ["Ana accepts requests from accounts at least 30 days old — you can ask from 2 Jul 2026."],
    ],
  ])("for %s", (_label, over, expected) => {
    expect(steps(over)).toEqual(expected);
  });

  it("keeps the warming-up steps after a cooldown notice", () => {
    const s = steps({
      policy: customPolicy({ requireReciprocity: true }),
      relation: noRelation({ cooldownUntil: new Date(NOW.getTime() + 2 * DAY) }),
    });
    expect(s).toEqual(["You can ask again after 12 Jun 2026.", "Wait until Ana interacts with you too."]);
  });

  it("keeps the warming-up steps for a too-new account", () => {
    const s = steps({ policy: customPolicy({ requireReciprocity: true, minAccountAgeDays: 1 }), requesterCreatedAt: NOW });
    expect(s).toEqual([
      "Ana accepts requests from accounts at least 1 day old — you can ask from 12 Jun 2026.",
      "Wait until Ana interacts with you too.",
    ]);
  });

  it("falls back to kind words when the recipient has no name", () => {
    expect(steps({ recipientName: "  ", policy: policy("open") })).toEqual([
      "You're warmed up — send this member a personal note with your request.",
    ]);
  });

  it("counts reciprocity from the recipient's side only", () => {
    expect(steps({ policy: customPolicy({ requireReciprocity: true }), interactions: [incoming("reaction")] })).toEqual([
      "You're warmed up — send Ana a personal note with your request.",
    ]);
  });
});
