import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/warmup/evaluate";
import type { CriterionKey, Criteria, EngineInteraction } from "../../../lib/warmup/types";
import { at, customPolicy, daysAgo, evalInput, incoming, outgoing, outgoingAt, policy } from "./factories";

function judge(criteria: Partial<Criteria>, interactions: EngineInteraction[]) {
  return evaluate(evalInput({ policy: customPolicy(criteria), interactions }));
}

describe("each criterion, exactly at its threshold", () => {
  const twoDays = () => [
    outgoing("comment", { occurredAt: at("2026-06-08T10:00:00Z") }),
    outgoing("comment", { occurredAt: at("2026-06-09T10:00:00Z") }),
  ];
  it.each<[string, Partial<Criteria>, CriterionKey, number, boolean]>([
    ["6 points of 6", { minPoints: 6 }, "points", 6, true],
    ["6 points of 7", { minPoints: 7 }, "points", 6, false],
    ["2 interactions of 2", { minInteractions: 2 }, "interactions", 2, true],
    ["2 interactions of 3", { minInteractions: 3 }, "interactions", 2, false],
    ["2 days of 2", { minDistinctDays: 2 }, "distinctDays", 2, true],
    ["2 days of 3", { minDistinctDays: 3 }, "distinctDays", 2, false],
    ["a 1-day span of 1", { minSpanDays: 1 }, "spanDays", 1, true],
    ["a 1-day span of 2", { minSpanDays: 2 }, "spanDays", 1, false],
    ["a conversation", { requireConversation: true }, "conversation", 1, true],
  ])("judges %s", (_label, criteria, key, current, met) => {
    const e = judge(criteria, twoDays());
    expect(e.criteria).toEqual([expect.objectContaining({ key, current, met })]);
    expect(e.gateMet).toBe(met);
    expect(e.status).toBe(met ? "warm" : "warming");
  });
});

describe("distinct days are UTC dates", () => {
  it.each<[string, string, number]>([
    ["23:59:59 and 00:00:00 the next day", "2026-06-09T00:00:00Z", 2],
    ["23:59:59 and 23:59:59.999 the same day", "2026-06-08T23:59:59.999Z", 1],
  ])("counts %s as %i day(s)", (_label, second, days) => {
    const e = judge({ minDistinctDays: 2 }, outgoingAt("reaction", "2026-06-08T23:59:59Z", second));
    expect(e.criteria[0]).toMatchObject({ key: "distinctDays", current: days, met: days >= 2 });
  });

  it("counts only days with a counted interaction", () => {
    const list = [
      outgoing("comment", { occurredAt: at("2026-06-07T10:00:00Z") }),
      outgoing("comment", { occurredAt: at("2026-06-08T10:00:00Z"), verification: "disputed" }),
      incoming("comment", { occurredAt: at("2026-06-09T10:00:00Z") }),
    ];
    expect(judge({ minDistinctDays: 2 }, list).criteria[0].current).toBe(1);
  });
});

describe("span", () => {
  it.each<[string, string, number]>([
    ["13 days 23:59:59.999 apart", "2026-05-28T09:59:59.999Z", 13],
    ["exactly 14 days apart", "2026-05-28T10:00:00Z", 14],
    ["on the same day", "2026-05-14T23:00:00Z", 0],
  ])("counts whole days between the first and the last: %s → %i", (_label, last, span) => {
    const e = judge({ minSpanDays: 14 }, outgoingAt("comment", "2026-05-14T10:00:00Z", last));
    expect(e.criteria[0]).toMatchObject({ key: "spanDays", current: span, met: span >= 14 });
  });

  it("is zero with a single interaction", () => {
    expect(judge({ minSpanDays: 1 }, [outgoing()]).criteria[0].current).toBe(0);
  });
});

describe("conversation", () => {
  it.each([
    ["comment", true],
    ["kudos", true],
    ["logged_reply", true],
    ["logged_met", true],
    ["introduction", true],
    ["reaction", false],
    ["mention", false],
    ["share", false],
    ["logged_mention", false],
  ] as const)("is satisfied by a %s: %s", (kind, met) => {
    expect(judge({ requireConversation: true }, [outgoing(kind)]).gateMet).toBe(met);
  });

  it("is not satisfied by the recipient's comment", () => {
    expect(judge({ requireConversation: true }, [incoming("comment")]).gateMet).toBe(false);
  });
});

describe("reciprocity", () => {
  it.each<[string, EngineInteraction[], boolean]>([
    ["the recipient reacted to the requester", [incoming("reaction")], true],
    ["only the requester interacted", [outgoing("comment")], false],
    ["the recipient's interaction was disputed", [incoming("comment", { verification: "disputed" })], false],
    ["the recipient's interaction was removed", [incoming("comment", { verification: "removed" })], false],
  ])("is met when %s: %s", (_label, list, met) => {
    expect(judge({ requireReciprocity: true }, list).criteria[0]).toMatchObject({ key: "reciprocity", met });
  });
});

/** 19 introductions on separate days plus a meeting in person: 99 points. */
const ninetyNinePoints = () => [
  ...Array.from({ length: 19 }, (_, i) => outgoing("introduction", { occurredAt: new Date(Date.UTC(2026, 5, 10 - i)) })),
  outgoing("logged_met", { occurredAt: at("2026-05-01T10:00:00Z") }),
];

describe("criteria list and progress", () => {
  it("lists only the criteria the policy asks for, in a fixed order", () => {
    const e = evaluate(evalInput({ policy: policy("strict") }));
    expect(e.criteria.map((c) => c.key)).toEqual(["points", "interactions", "distinctDays", "spanDays", "conversation", "reciprocity"]);
    expect(evaluate(evalInput({ policy: policy("friendly") })).criteria.map((c) => c.key)).toEqual(["points", "interactions", "distinctDays"]);
  });

  it("labels criteria with current and required", () => {
    const e = evaluate(evalInput({ policy: policy("standard"), interactions: [outgoing("reaction")] }));
    expect(e.criteria.map((c) => c.label)).toEqual([
      "Points: 1 of 6",
      "Interactions: 1 of 2",
      "Different days: 1 of 2",
      "A real conversation: not yet",
    ]);
  });

  it.each<[string, Partial<Criteria>, EngineInteraction[], number]>([
    ["nothing done", { minPoints: 6, minInteractions: 2 }, [], 0],
    ["half of each", { minPoints: 6, minInteractions: 2 }, [outgoing("comment")], 50],
    // mean 44, held to 10 points above the interactions' 33
    ["one of three met", { minPoints: 3, minInteractions: 3, requireReciprocity: true }, [outgoing("comment")], 43],
    // the cases: 9 of 12 points with the rest met read 85 (not 95); 4 of 6 points 76 (not 91)
    ["9 of 12 points, the rest met", { minPoints: 12, minInteractions: 3, requireConversation: true }, [outgoing("comment", { occurredAt: daysAgo(2) }), outgoing("comment", { occurredAt: daysAgo(1) }), outgoing("comment")], 85],
    ["4 of 6 points, the rest met", { minPoints: 6, minInteractions: 2 }, [outgoing("mention", { occurredAt: daysAgo(1) }), outgoing("mention")], 76],
    ["the other side's interaction only", { minPoints: 3, requireReciprocity: true }, [incoming("comment")], 0],
    ["all but a sliver", { minPoints: 100 }, ninetyNinePoints(), 99],
    ["no criteria at all", {}, [], 100],
  ])("shows %s as %i%", (_label, criteria, list, percent) => {
    expect(judge(criteria, list).percent).toBe(percent);
  });

  it("never shows 100% until every criterion is met", () => {
    const e = judge({ minPoints: 100, minInteractions: 1 }, ninetyNinePoints());
    expect(e.criteria.map((c) => c.met)).toEqual([false, true]);
    expect(e.percent).toBe(99);
  });
});
