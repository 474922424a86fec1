import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  POLICY_BOUNDS,
  PRESET_CRITERIA,
  clampPolicy,
  defaultPolicy,
  resolvePolicy,
  type NamedPreset,
} from "../../../lib/warmup/policy";
import type { Policy, PresetName } from "../../../lib/warmup/types";
import { ZERO_CRITERIA as ZERO } from "./factories";

describe("preset criteria", () => {
  it.each<[NamedPreset, number, number, number, number, boolean, boolean]>([
    ["open", 0, 0, 0, 0, false, false],
    ["friendly", 3, 1, 1, 0, false, false],
    ["standard", 6, 2, 2, 0, true, false],
    ["strict", 12, 4, 3, 14, true, true],
  ])("%s asks for %i points, %i interactions, %i days, %i-day span, conversation %s, reciprocity %s", (name, p, i, d, s, c, r) => {
    expect(PRESET_CRITERIA[name]).toEqual({
      minPoints: p,
      minInteractions: i,
      minDistinctDays: d,
      minSpanDays: s,
      requireConversation: c,
      requireReciprocity: r,
    });
    expect(resolvePolicy({ preset: name })).toMatchObject({ preset: name, ...PRESET_CRITERIA[name] });
  });
});

describe("resolvePolicy", () => {
  it("fills in the default settings", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      freshnessDays: 180,
      dailyPointCap: 6,
      pendingLoggedCounts: "half",
      allowIntroductions: true,
      minAccountAgeDays: 0,
    });
    expect(resolvePolicy({ preset: "friendly" })).toMatchObject(DEFAULT_SETTINGS);
  });

  it("starts every member on the standard preset", () => {
    expect(defaultPolicy()).toEqual({ preset: "standard", ...PRESET_CRITERIA.standard, ...DEFAULT_SETTINGS });
  });

  it("ignores stored criteria for a named preset", () => {
    expect(resolvePolicy({ preset: "standard", minPoints: 99, requireReciprocity: true })).toMatchObject(
      PRESET_CRITERIA.standard,
    );
  });

  it("keeps stored settings for a named preset", () => {
    const p = resolvePolicy({ preset: "strict", freshnessDays: 30, dailyPointCap: 10, pendingLoggedCounts: "none", allowIntroductions: false, minAccountAgeDays: 7 });
    expect(p).toMatchObject({ freshnessDays: 30, dailyPointCap: 10, pendingLoggedCounts: "none", allowIntroductions: false, minAccountAgeDays: 7 });
  });

  it("uses an admin's override of a preset", () => {
    const friendlier = { ...PRESET_CRITERIA.friendly, minPoints: 2 };
    expect(resolvePolicy({ preset: "friendly" }, { friendly: friendlier })).toMatchObject(friendlier);
    expect(resolvePolicy({ preset: "standard" }, { friendly: friendlier })).toMatchObject(PRESET_CRITERIA.standard);
  });

  it("resolves closed with all-zero criteria whatever is stored or overridden", () => {
    const p = resolvePolicy({ preset: "closed", minPoints: 50 }, { closed: { ...ZERO, minPoints: 9 } });
    expect(p).toMatchObject({ preset: "closed", ...ZERO });
  });

  it("takes a custom policy's criteria from the stored fields", () => {
    const stored = { minPoints: 10, minInteractions: 5, minDistinctDays: 4, minSpanDays: 30, requireConversation: false, requireReciprocity: true };
    expect(resolvePolicy({ preset: "custom", ...stored })).toMatchObject({ preset: "custom", ...stored });
  });

  it("falls back to the standard criteria for custom fields that were never stored", () => {
    expect(resolvePolicy({ preset: "custom", minPoints: 1 })).toMatchObject({ ...PRESET_CRITERIA.standard, minPoints: 1 });
  });

  it.each<[string, number, number]>([
    ["minPoints", -5, 0],
    ["minPoints", 101, 100],
    ["minInteractions", 51, 50],
    ["minDistinctDays", 31, 30],
    ["minSpanDays", 181, 180],
    ["minSpanDays", 2.6, 3],
    ["freshnessDays", 0, 1],
    ["freshnessDays", 1000, 365],
    ["dailyPointCap", 0, 1],
    ["dailyPointCap", 500, 100],
    ["minAccountAgeDays", -1, 0],
    ["minAccountAgeDays", 400, 365],
  ])("clamps a custom %s of %d to %d", (key, value, expected) => {
    const p = resolvePolicy({ preset: "custom", [key]: value } as { preset: PresetName });
    expect(p[key as keyof Policy]).toBe(expected);
  });

  it.each([NaN, Infinity, "7", null])("replaces a non-number %s with the default", (bad) => {
    const p = resolvePolicy({ preset: "custom", minPoints: bad, dailyPointCap: bad } as unknown as { preset: PresetName });
    expect(p.minPoints).toBe(PRESET_CRITERIA.standard.minPoints);
    expect(p.dailyPointCap).toBe(DEFAULT_SETTINGS.dailyPointCap);
  });

  it("treats an unknown preset name or pending setting as the defaults", () => {
    const p = resolvePolicy({ preset: "lenient", pendingLoggedCounts: "some" } as unknown as { preset: PresetName });
    expect(p).toEqual(defaultPolicy());
  });

  it("publishes the bounds the settings form uses", () => {
    expect(POLICY_BOUNDS).toEqual({
      minPoints: { min: 0, max: 100 },
      minInteractions: { min: 0, max: 50 },
      minDistinctDays: { min: 0, max: 30 },
      minSpanDays: { min: 0, max: 180 },
      freshnessDays: { min: 1, max: 365 },
      dailyPointCap: { min: 1, max: 100 },
      minAccountAgeDays: { min: 0, max: 365 },
    });
  });

  it("leaves a resolved policy unchanged when clamped again", () => {
    const p = resolvePolicy({ preset: "custom", minPoints: 7, freshnessDays: 30 });
    expect(clampPolicy(p)).toEqual(p);
  });

  it("resolves to a frozen policy, so remembering its clamped form is safe", () => {
    const p = resolvePolicy({ preset: "strict" });
    expect(Object.isFrozen(p)).toBe(true);
    expect(clampPolicy(p)).toBe(p);
  });

  it("clamps a hand-built policy afresh each time: a change to it is never hidden by a remembered answer", () => {
    const p: Policy = { ...resolvePolicy({ preset: "custom" }), minPoints: 500 };
    expect(clampPolicy(p).minPoints).toBe(100);
    p.minPoints = 8;
    expect(clampPolicy(p).minPoints).toBe(8);
    p.freshnessDays = 0;
    expect(clampPolicy(p).freshnessDays).toBe(1);
  });
});
