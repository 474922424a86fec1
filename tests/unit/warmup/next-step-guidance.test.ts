import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/warmup/evaluate";
import { MAX_STEPS } from "../../../lib/warmup/next-steps";
import { firstNameOf } from "../../../lib/warmup/names";
import type { EvaluateInput } from "../../../lib/warmup/types";
import { inputArb } from "./arbitraries";
import { DAY, NOW, customPolicy, daysAgo, evalInput, outgoing, policy } from "./factories";

const steps = (over: Partial<EvaluateInput>) => evaluate(evalInput(over)).nextSteps;
const today = (h: number) => new Date(Date.UTC(2026, 5, 10, h));
const pendingLogged = (occurredAt: Date) => outgoing("logged_reply", { verification: "pending", occurredAt });

describe("logged interactions waiting for the other side", () => {
  it("says exactly that when confirming them would meet the protocol", () => {
    // standard: 6 points, 2 interactions on 2 days, a conversation; two pending replies count half (1 pt each)
    const list = [pendingLogged(daysAgo(3)), pendingLogged(daysAgo(1))];
    const e = evaluate(evalInput({ recipientName: "Grace Kim", policy: policy("standard"), interactions: list }));
    expect(e.gateMet).toBe(false);
    expect(e.nextSteps[0]).toBe("2 logged interactions wait for Grace's confirmation — confirmed, they meet the protocol.");
    expect(e.nextSteps.join(" ")).not.toMatch(/come back tomorrow/i);
  });

  it("says it instead of 'come back tomorrow' when today's cap is used up", () => {
    const list = [
      outgoing("introduction", { occurredAt: today(8) }),
      outgoing("comment", { occurredAt: today(9) }),
      pendingLogged(daysAgo(2)),
    ];
    const s = steps({ policy: customPolicy({ minPoints: 9, minDistinctDays: 2 }), interactions: list });
    expect(s[0]).toBe("1 logged interaction waits for Ana's confirmation — confirmed, it meets the protocol.");
    expect(s.join(" ")).not.toMatch(/come back tomorrow/i);
  });

  it("stays quiet about them when confirming them would not be enough", () => {
    const s = steps({ policy: customPolicy({ minPoints: 12 }), interactions: [pendingLogged(daysAgo(1))] });
    expect(s.join(" ")).not.toMatch(/confirmation/);
    expect(s).toEqual(["11 more points needed — a comment is worth 3."]);
  });

  it("counts them even when the protocol does not count pending ones at all", () => {
    const s = steps({ policy: customPolicy({ minInteractions: 1, pendingLoggedCounts: "none" }), interactions: [pendingLogged(daysAgo(1))] });
    expect(s[0]).toBe("1 logged interaction waits for Ana's confirmation — confirmed, it meets the protocol.");
  });
});

describe("a member without posts", () => {
  it("is never asked to be replied to on posts: kudos or a meeting elsewhere instead", () => {
    const s = steps({ recipientHasPosts: false, policy: policy("standard") });
    expect(s.join(" ")).not.toMatch(/posts —|Reply to/);
    expect(s[0]).toBe("You still need a real conversation: Ana has no posts yet, so give Ana kudos, or meet elsewhere and log it.");
  });

  it("words points without a comment", () => {
    const s = steps({ recipientHasPosts: false, policy: customPolicy({ minPoints: 6 }), interactions: [outgoing("mention")] });
    expect(s).toEqual(["4 more points needed — mention Ana in a post, give kudos, or log a meeting elsewhere."]);
  });

  it("still suggests a reply when the member has posts", () => {
    expect(steps({ recipientHasPosts: true, policy: policy("standard") })[0]).toMatch(/^Reply to one of Ana's posts/);
  });
});

describe("one form of each name", () => {
  it("uses the first name in every step", () => {
    const s = steps({ recipientName: "Grace Kim", policy: policy("strict") });
    expect(s.length).toBeGreaterThan(0);
    for (const line of s) expect(line).not.toContain("Grace Kim");
    expect(s.join(" ")).toContain("Grace");
  });

  it.each([
    ["Grace Kim", "Grace"],
    ["  Ana  ", "Ana"],
    ["Jean-Luc  Picard", "Jean-Luc"],
    ["", ""],
  ])("takes %j as %j", (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });
});

describe("next steps, for any input", () => {
  it(`give one primary step and at most ${MAX_STEPS - 1} more, never the same twice`, () => {
    fc.assert(
      fc.property(inputArb(), fc.boolean(), (input, hasPosts) => {
        const s = evaluate({ ...input, recipientHasPosts: hasPosts }).nextSteps;
        expect(s.length).toBeLessThanOrEqual(MAX_STEPS);
        expect(new Set(s).size).toBe(s.length);
        if (!hasPosts) for (const line of s) expect(line).not.toMatch(/Reply to one of/);
      }),
      { numRuns: 400 },
    );
  });

  it("put the confirmation first whenever confirming the pending logged interactions would meet the gate", () => {
    fc.assert(
      fc.property(inputArb(), (input) => {
        const e = evaluate(input);
        if (e.status !== "warming" && e.status !== "cold") return;
        const confirmed = evaluate({
          ...input,
          interactions: input.interactions.map((it) =>
            it.verification === "pending" && it.actorId === input.requesterId ? { ...it, verification: "confirmed" as const } : it,
          ),
        });
        const says = /wait(s)? for .+'s confirmation/.test(e.nextSteps[0] ?? "");
        expect(says).toBe(confirmed.gateMet);
      }),
      { numRuns: 400 },
    );
  });
});

void DAY;
void NOW;

describe("a too-new account", () => {
  // "You can ask from <day>" must hold all that day: asked at its first moment, the account is old
  // enough; and the day is the earliest such (the day before, it is not old enough at its start).
  it("is told the first UTC day on which a request goes through at any hour", () => {
    const MIN = Date.UTC(2026, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * DAY }), fc.integer({ min: 1, max: 90 }), (offset, minAge) => {
        const created = new Date(MIN + offset);
        const p = policy("open", { minAccountAgeDays: minAge });
        const at = (now: Date) => evaluate(evalInput({ policy: p, requesterCreatedAt: created, now }));
        const e = at(created);
        expect(e.status).toBe("too_new");
        const said = /you can ask from (\d+ \w+ \d{4})/.exec(e.nextSteps[0])?.[1];
        expect(said, e.nextSteps[0]).toBeDefined();
        const dayStart = new Date(`${said} UTC`);
        expect(at(dayStart).status).not.toBe("too_new");
        expect(at(new Date(dayStart.getTime() - DAY)).status).toBe("too_new");
      }),
    );
  });
});
