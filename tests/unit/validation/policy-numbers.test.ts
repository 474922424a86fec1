import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { ZPolicyUpdate } from "@/lib/validation/policy";
import { pointsHint, protocolFormObject } from "@/lib/validation/protocol-form";

const CUSTOM = { preset: "custom", minPoints: 4, minInteractions: 2, minDistinctDays: 2, minSpanDays: 1, requireConversation: false, requireReciprocity: false };

describe("a protocol's numbers sent as JSON", () => {
  it.each([
    ["null", null],
    ['""', ""],
    ["false", false],
    ["[]", []],
    ["true", true],
    ['"5"', "5"],
  ])("refuses %s for a criterion, naming the field, instead of reading it as 0 or 1", (_, value) => {
    const r = ZPolicyUpdate.safeParse({ ...CUSTOM, minPoints: value });
    expect(r.success).toBe(false);
    expect(fieldErrorsOf(r.error!)).toEqual({ minPoints: ["Points must be a number."] });
  });

  it.each([null, "", false, true, "30"])("refuses %j for a setting, naming the field", (value) => {
    const r = ZPolicyUpdate.safeParse({ preset: "standard", freshnessDays: value });
    expect(r.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(r.error!))).toEqual(["freshnessDays"]);
  });

  it("refuses a fraction where a whole number is needed", () => {
    const r = ZPolicyUpdate.safeParse({ ...CUSTOM, minPoints: 2.5 });
    expect(fieldErrorsOf(r.error!)).toEqual({ minPoints: ["Points must be a whole number."] });
  });

  it("accepts a real number within the bounds", () => {
    expect(ZPolicyUpdate.parse({ ...CUSTOM, minPoints: 5, freshnessDays: 30 })).toMatchObject({ minPoints: 5, freshnessDays: 30 });
  });
});

describe("a protocol's numbers from the web form", () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };
  const customForm = { preset: "custom", minPoints: "5", minInteractions: "2", minDistinctDays: "2", minSpanDays: "1" };

  it("reads a typed number as that number", () => {
    const parsed = ZPolicyUpdate.parse(protocolFormObject(form({ ...customForm, freshnessDays: "30" })));
    expect(parsed).toMatchObject({ preset: "custom", minPoints: 5, freshnessDays: 30 });
  });

  it("leaves an empty or blank field unset, so it keeps its value rather than becoming 0", () => {
    const parsed = ZPolicyUpdate.parse(protocolFormObject(form({ preset: "standard", freshnessDays: "", dailyPointCap: "  " })));
    expect(parsed).not.toHaveProperty("freshnessDays");
    expect(parsed).not.toHaveProperty("dailyPointCap");
  });

  it("refuses an empty criterion of a custom protocol, naming it", () => {
    const r = ZPolicyUpdate.safeParse(protocolFormObject({ ...customForm, minPoints: "" }));
    expect(fieldErrorsOf(r.error!)).toEqual({ minPoints: ["Points must be a number."] });
  });

  it("refuses text that is not a number, naming the field", () => {
    const r = ZPolicyUpdate.safeParse(protocolFormObject({ ...customForm, minPoints: "lots" }));
    expect(fieldErrorsOf(r.error!)).toEqual({ minPoints: ["Points must be a number."] });
  });
});

describe("the points hint on the protocol form", () => {
  it("says this community's weights, not the defaults", () => {
    expect(pointsHint({ comment: 3, reaction: 1 })).toBe("A comment is worth 3 points, a reaction 1 point.");
    expect(pointsHint({ comment: 5, reaction: 2 })).toBe("A comment is worth 5 points, a reaction 2 points.");
  });
});
