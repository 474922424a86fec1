import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/warmup/evaluate";
import type { EvaluateInput, RelationshipStatus } from "../../../lib/warmup/types";
import { DAY, NOW, RECIPIENT, REQUESTER, at, customPolicy, daysAgo, evalInput, noRelation, outgoing, policy } from "./factories";

/** Highest first; the order evaluate() must honour. */
const PRECEDENCE: RelationshipStatus[] = [
  "self",
  "blocked",
  "connected",
  "incoming",
  "requested",
  "cooldown",
  "closed",
  "too_new",
  "warm",
  "warming",
  "cold",
];

/**
 * Builds one input in which the condition of every listed status holds. The policy needs
 * two interactions and a 30-day-old account; "warm" supplies both interactions, "warming" one.
 */
function withConditions(statuses: RelationshipStatus[]): EvaluateInput {
  const has = (s: RelationshipStatus) => statuses.includes(s);
  const interactions = has("warm")
    ? [outgoing("comment", { occurredAt: daysAgo(2) }), outgoing("comment", { occurredAt: daysAgo(1) })]
    : has("warming")
      ? [outgoing("comment")]
      : [];
  return evalInput({
    requesterId: has("self") ? RECIPIENT : REQUESTER,
    policy: has("closed") ? policy("closed", { minAccountAgeDays: 30 }) : customPolicy({ minInteractions: 2, minAccountAgeDays: 30 }),
    interactions,
    requesterCreatedAt: has("too_new") ? daysAgo(5) : daysAgo(400),
    relation: noRelation({
      blocked: has("blocked"),
      connected: has("connected"),
      pendingIncoming: has("incoming"),
      pendingOutgoing: has("requested"),
      cooldownUntil: has("cooldown") ? new Date(NOW.getTime() + 3 * DAY) : null,
    }),
  });
}

describe("status precedence", () => {
  it.each(PRECEDENCE.map((s) => [s]))("reports %s when only its condition holds", (status) => {
    expect(evaluate(withConditions([status])).status).toBe(status);
  });

  const pairs = PRECEDENCE.flatMap((higher, i) => PRECEDENCE.slice(i + 1).map((lower) => [higher, lower] as const));
  it.each(pairs)("prefers %s over %s", (higher, lower) => {
    expect(evaluate(withConditions([higher, lower])).status).toBe(higher);
  });

  it("prefers self over every other condition at once", () => {
    expect(evaluate(withConditions([...PRECEDENCE])).status).toBe("self");
  });
});

describe("cooldown", () => {
  it.each<[string, Date | null, RelationshipStatus, string | null]>([
    ["a cooldown that ends later", at("2026-12-09T10:00:00Z"), "cooldown", "2026-12-09T10:00:00.000Z"],
    ["a cooldown ending exactly now", NOW, "warm", null],
    ["a cooldown that has passed", daysAgo(1), "warm", null],
    ["no cooldown", null, "warm", null],
  ])("with %s the status is %s", (_label, cooldownUntil, status, reported) => {
    const e = evaluate(evalInput({ policy: policy("open"), relation: noRelation({ cooldownUntil }) }));
    expect(e.status).toBe(status);
    expect(e.cooldownUntil).toBe(reported);
  });

  it("keeps measuring progress during a cooldown", () => {
    const e = evaluate(evalInput({ interactions: [outgoing("comment")], relation: noRelation({ cooldownUntil: daysAgo(-5) }) }));
    expect(e).toMatchObject({ status: "cooldown", percent: 60, gateMet: false });
  });
});

describe("closed protocol", () => {
  it("refuses requests however much the pair has interacted", () => {
    const list = Array.from({ length: 10 }, (_, i) => outgoing("introduction", { occurredAt: daysAgo(i) }));
    const e = evaluate(evalInput({ policy: policy("closed"), interactions: list }));
    expect(e).toMatchObject({ status: "closed", gateMet: false, percent: 0, criteria: [] });
    expect(e.interactions).toHaveLength(10);
  });
});

describe("minimum account age", () => {
  it.each<[string, Date, RelationshipStatus]>([
    ["29 days 23 hours old", new Date(NOW.getTime() - 30 * DAY + 3_600_000), "too_new"],
    ["exactly 30 days old", daysAgo(30), "warm"],
    ["a year old", daysAgo(365), "warm"],
    ["created in the future", daysAgo(-1), "too_new"],
    ["of unknown age", new Date(NaN), "too_new"],
  ])("treats an account %s as %s under a 30-day minimum", (_label, requesterCreatedAt, status) => {
    const e = evaluate(evalInput({ policy: policy("open", { minAccountAgeDays: 30 }), requesterCreatedAt }));
    expect(e.status).toBe(status);
  });

  it("never refuses for age when there is no minimum", () => {
    const e = evaluate(evalInput({ policy: policy("open"), requesterCreatedAt: daysAgo(-3) }));
    expect(e.status).toBe("warm");
  });
});

describe("odd data", () => {
  it("treats an invalid now as the Unix epoch, so nothing counts", () => {
    const e = evaluate(evalInput({ now: new Date(NaN), interactions: [outgoing("comment")] }));
    expect(e.interactions[0].reason).toBe("in_future");
    expect(e.evaluatedAt).toBe("1970-01-01T00:00:00.000Z");
  });

  it("reports an interaction with an invalid date as outside the window", () => {
    const e = evaluate(evalInput({ interactions: [outgoing("comment", { occurredAt: new Date(NaN) })] }));
    expect(e.interactions[0]).toMatchObject({ counted: false, reason: "outside_window", day: "" });
  });

  it("ignores an invalid cooldown date", () => {
    const e = evaluate(evalInput({ policy: policy("open"), relation: noRelation({ cooldownUntil: new Date(NaN) }) }));
    expect(e).toMatchObject({ status: "warm", cooldownUntil: null });
  });

  it("stamps the evaluation with now", () => {
    expect(evaluate(evalInput()).evaluatedAt).toBe("2026-06-10T12:00:00.000Z");
  });
});
