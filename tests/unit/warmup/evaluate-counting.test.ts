import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/warmup/evaluate";
import type { EngineInteraction, PendingLoggedCounts, Verification } from "../../../lib/warmup/types";
import {
  DAY,
  NOW,
  RECIPIENT,
  REQUESTER,
  at,
  customPolicy,
  daysAgo,
  evalInput,
  incoming,
  outgoing,
  outgoingAt,
} from "./factories";

/** Evaluate a history under a points-only policy, so every counted point shows. */
function run(interactions: EngineInteraction[], settings: Parameters<typeof customPolicy>[0] = {}) {
  return evaluate(evalInput({ interactions, policy: customPolicy({ minPoints: 100, ...settings }) }));
}
const verdict = (e: ReturnType<typeof run>, id: string) => e.interactions.find((v) => v.id === id)!;

describe("which interactions count", () => {
  it.each<[Verification, boolean, string | null]>([
    ["verified", true, null],
    ["confirmed", true, null],
    ["disputed", false, "disputed"],
    ["removed", false, "removed"],
  ])("counts a %s interaction: %s", (verification, counted, reason) => {
    const it1 = outgoing("comment", { verification });
    const e = run([it1]);
    expect(verdict(e, it1.id)).toMatchObject({ counted, reason, points: counted ? 3 : 0 });
  });

  it.each<[PendingLoggedCounts, number, boolean, string | null, string | null]>([
    ["half", 2, true, "pending_half", null],
    ["full", 4, true, null, null],
    ["none", 0, false, null, "pending_not_counted"],
  ])("counts a pending met-in-person under %s at %i points", (pending, points, counted, note, reason) => {
    const met = outgoing("logged_met", { verification: "pending" });
    const e = run([met], { pendingLoggedCounts: pending });
    expect(verdict(e, met.id)).toMatchObject({ counted, points, note, reason });
  });

  it.each<[number, number]>([
    [3, 1],
    [2, 1],
    [5, 2],
  ])("rounds a pending weight of %i down to %i at half", (weight, points) => {
    const p = outgoing("logged_reply", { verification: "pending", weight });
    expect(verdict(run([p]), p.id)).toMatchObject({ counted: true, points, note: "pending_half" });
  });

  it("does not count a pending interaction that is worth nothing at half", () => {
    const p = outgoing("logged_mention", { verification: "pending", weight: 1 });
    const e = run([p], { minPoints: 0, minInteractions: 1 });
    expect(verdict(e, p.id)).toMatchObject({ counted: false, points: 0, reason: "pending_not_counted" });
    expect(e.criteria[0]).toMatchObject({ key: "interactions", current: 0 });
  });

  it("never counts a disputed or removed interaction, even when every other rule would count it", () => {
    const list = [outgoing("introduction", { verification: "disputed" }), outgoing("comment", { verification: "removed" })];
    const e = run(list, { minPoints: 0, minInteractions: 1, pendingLoggedCounts: "full" });
    expect(e.criteria[0]).toMatchObject({ current: 0, met: false });
    expect(e.status).toBe("cold");
  });

  it.each<[string, Date, boolean, string | null]>([
    ["exactly at the start of the window", daysAgo(180), true, null],
    ["one millisecond before the window", new Date(daysAgo(180).getTime() - 1), false, "outside_window"],
    ["exactly now", NOW, true, null],
    ["one millisecond after now", new Date(NOW.getTime() + 1), false, "in_future"],
  ])("counts an interaction %s: %s", (_label, occurredAt, counted, reason) => {
    const c = outgoing("comment", { occurredAt });
    expect(verdict(run([c]), c.id)).toMatchObject({ counted, reason });
  });

  it("uses the member's own freshness window", () => {
    const old = outgoing("comment", { occurredAt: daysAgo(31) });
    expect(verdict(run([old], { freshnessDays: 30 }), old.id).reason).toBe("outside_window");
    expect(verdict(run([old], { freshnessDays: 31 }), old.id).counted).toBe(true);
  });

  it.each([
    [true, true, null],
    [false, false, "introductions_off"],
  ])("counts an introduction when introductions are allowed: %s", (allowIntroductions, counted, reason) => {
    const intro = outgoing("introduction");
    const e = run([intro], { allowIntroductions });
    expect(verdict(e, intro.id)).toMatchObject({ counted, reason, points: counted ? 5 : 0 });
  });

  it("ignores interactions with other members and with oneself", () => {
    const others = [
      outgoing("comment", { actorId: "carol" }),
      outgoing("comment", { targetId: "carol" }),
      outgoing("comment", { targetId: REQUESTER }),
      outgoing("comment", { actorId: RECIPIENT, targetId: RECIPIENT }),
    ];
    const e = run(others, { minPoints: 0, minInteractions: 1, requireReciprocity: true });
    expect(e.interactions).toEqual([]);
    expect(e.status).toBe("cold");
  });

  it("gives a verdict for every interaction of the pair, newest first, with its UTC day", () => {
    const a = outgoing("comment", { id: "a", occurredAt: at("2026-06-01T23:30:00Z") });
    const b = incoming("reaction", { id: "b", occurredAt: at("2026-06-05T00:10:00Z") });
    const c = outgoing("reaction", { id: "c", occurredAt: at("2026-06-05T00:10:00Z") });
    const e = run([a, c, b]);
    // b and c happened at the same instant: the id decides, so any input order gives this.
    expect(e.interactions.map((v) => [v.id, v.direction, v.day])).toEqual([
      ["c", "outgoing", "2026-06-05"],
      ["b", "incoming", "2026-06-05"],
      ["a", "outgoing", "2026-06-01"],
    ]);
  });

  it("gives incoming interactions no points", () => {
    const back = incoming("kudos");
    expect(verdict(run([back]), back.id)).toMatchObject({ direction: "incoming", counted: true, points: 0, note: null });
  });

  it("applies the same window and verification rules to incoming interactions", () => {
    const list = [
      incoming("comment", { verification: "disputed" }),
      incoming("comment", { occurredAt: daysAgo(200) }),
      incoming("logged_reply", { verification: "pending" }),
    ];
    const e = run(list, { minPoints: 0, requireReciprocity: true, pendingLoggedCounts: "none" });
    expect(e.interactions.map((v) => v.reason).sort()).toEqual(["disputed", "outside_window", "pending_not_counted"]);
    expect(e.criteria).toEqual([expect.objectContaining({ key: "reciprocity", current: 0, met: false })]);
  });
});

describe("the daily point cap", () => {
  it("does not count reactions beyond the daily cap", () => {
    const reactions = Array.from({ length: 8 }, (_, i) => outgoing("reaction", { occurredAt: new Date(NOW.getTime() - (8 - i) * 60_000) }));
    const e = run(reactions, { minPoints: 10, minInteractions: 10 });
    expect(e.criteria.map((c) => c.current)).toEqual([6, 6]);
    expect(e.interactions.filter((v) => v.reason === "over_daily_cap")).toHaveLength(2);
  });

  it("splits the day's interactions in time order: whole, then capped, then not counted", () => {
    const [a, b, c] = outgoingAt("comment", "2026-06-09T08:00:00Z", "2026-06-09T09:00:00Z", "2026-06-09T10:00:00Z");
    const d = outgoing("mention", { occurredAt: at("2026-06-09T11:00:00Z") });
    const e = run([d, c, b, a], { dailyPointCap: 7 });
    expect([a, b, c, d].map((x) => verdict(e, x.id))).toEqual([
      expect.objectContaining({ counted: true, points: 3, note: null }),
      expect.objectContaining({ counted: true, points: 3, note: null }),
      expect.objectContaining({ counted: true, points: 1, note: "capped" }),
      expect.objectContaining({ counted: false, points: 0, reason: "over_daily_cap" }),
    ]);
    expect(e.criteria[0].current).toBe(7);
  });

  it("gives every UTC day its own cap", () => {
    const list = [
      ...outgoingAt("comment", "2026-06-08T22:00:00Z", "2026-06-08T23:59:59Z", "2026-06-08T23:59:59.999Z"),
      ...outgoingAt("comment", "2026-06-09T00:00:00Z", "2026-06-09T00:00:01Z"),
    ];
    const e = run(list, { minPoints: 100, minInteractions: 50 });
    expect(e.criteria.map((c) => c.current)).toEqual([12, 4]);
  });

  it("does not cap incoming interactions", () => {
    const list = Array.from({ length: 5 }, () => incoming("introduction"));
    expect(run(list).interactions.every((v) => v.counted)).toBe(true);
  });

  it("marks a pending interaction cut by the cap as capped", () => {
    const c = outgoing("comment", { occurredAt: at("2026-06-09T08:00:00Z") });
    const met = outgoing("logged_met", { verification: "pending", occurredAt: at("2026-06-09T09:00:00Z") });
    const e = run([c, met], { dailyPointCap: 4 });
    expect(verdict(e, met.id)).toMatchObject({ counted: true, points: 1, note: "capped" });
  });

  it("lets a heavy interaction early in the day use up the cap so later ones that day do not count", () => {
    // Documented consequence of capping in time order: here the earlier introduction
    // displaces two later comments, so the day counts 2 interactions, not 3.
    const intro = outgoing("introduction", { occurredAt: at("2026-06-09T08:00:00Z") });
    const later = outgoingAt("comment", "2026-06-09T09:00:00Z", "2026-06-09T10:00:00Z");
    const e = run([intro, ...later], { minPoints: 0, minInteractions: 3 });
    expect(e.criteria[0]).toMatchObject({ key: "interactions", current: 2, met: false });
    expect(verdict(e, later[1].id).reason).toBe("over_daily_cap");
  });

  it("can make a pair warm when the interaction that used up a day's cap is removed", () => {
    // The same displacement seen from the other side: removing the early introduction lets
    // the two later comments count, so removal is not monotone when the cap binds.
    const intro = outgoing("introduction", { occurredAt: at("2026-06-09T08:00:00Z") });
    const rest = [outgoing("reaction", { occurredAt: at("2026-06-09T09:00:00Z") }), ...outgoingAt("comment", "2026-06-09T10:00:00Z", "2026-06-09T11:00:00Z")];
    const rules = { minPoints: 0, minInteractions: 3 };
    expect(run([intro, ...rest], rules).status).toBe("warming");
    expect(run(rest, rules).status).toBe("warm");
  });

  it("uses the stored weight of each interaction, not today's default", () => {
    const c = outgoing("comment", { weight: 4 });
    expect(verdict(run([c]), c.id).points).toBe(4);
  });

  it.each([-3, NaN, Infinity, 2.7])("treats an odd stored weight of %s as whole points, never negative", (weight) => {
    const c = outgoing("comment", { weight });
    const points = verdict(run([c]), c.id).points;
    expect(points).toBe(weight === 2.7 ? 2 : 0);
  });

  it("spreads a history over days at most the cap each", () => {
    const list = Array.from({ length: 30 }, (_, i) => outgoing("introduction", { occurredAt: new Date(NOW.getTime() - Math.floor(i / 3) * DAY) }));
    const e = run(list, { dailyPointCap: 8 });
    expect(e.criteria[0].current).toBe(80);
  });
});
