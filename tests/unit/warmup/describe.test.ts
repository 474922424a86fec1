import { describe, expect, it } from "vitest";
import { describeCriterionLabel, describePolicy } from "../../../lib/warmup/describe";
import type { CriterionKey, PresetName } from "../../../lib/warmup/types";
import { customPolicy, policy } from "./factories";

describe("describePolicy", () => {
  it.each<[PresetName, string]>([
    ["open", "Ana welcomes connection requests from anyone."],
    ["friendly", "To connect with Ana: at least 1 interaction worth at least 3 points."],
    ["standard", "To connect with Ana: at least 2 interactions worth at least 6 points on 2 different days, including a real conversation."],
    [
      "strict",
      "To connect with Ana: at least 4 interactions worth at least 12 points on 3 different days over at least 14 days, including a real conversation, and Ana has interacted with you too.",
    ],
    ["closed", "Ana is not accepting connection requests."],
  ])("describes the %s preset", (preset, text) => {
    expect(describePolicy(policy(preset), "Ana")).toBe(text);
  });

  it.each<[PresetName, string]>([
    ["open", "I welcome connection requests from anyone."],
    ["standard", "To connect with me: at least 2 interactions worth at least 6 points on 2 different days, including a real conversation."],
    [
      "strict",
      "To connect with me: at least 4 interactions worth at least 12 points on 3 different days over at least 14 days, including a real conversation, and I have interacted with you too.",
    ],
    ["closed", "I am not accepting connection requests."],
  ])("speaks as the owner for %s when there is no name", (preset, text) => {
    expect(describePolicy(policy(preset))).toBe(text);
    expect(describePolicy(policy(preset), " ")).toBe(text);
  });

  it.each<[string, Parameters<typeof customPolicy>[0], string]>([
    ["interactions and days", { minInteractions: 3, minDistinctDays: 2, requireConversation: true }, "To connect with Ana: at least 3 interactions on 2 different days, including a real conversation."],
    ["points only", { minPoints: 5 }, "To connect with Ana: interactions worth at least 5 points."],
    ["one point", { minPoints: 1 }, "To connect with Ana: interactions worth at least 1 point."],
    ["days only", { minDistinctDays: 3 }, "To connect with Ana: interactions on 3 different days."],
    ["one day only", { minDistinctDays: 1 }, "To connect with Ana: interactions on at least 1 day."],
    ["span only", { minSpanDays: 1 }, "To connect with Ana: interactions over at least 1 day."],
    ["conversation only", { requireConversation: true }, "To connect with Ana: a real conversation."],
    ["reciprocity only", { requireReciprocity: true }, "To connect with Ana: Ana needs to have interacted with you first."],
    ["a conversation both ways", { requireConversation: true, requireReciprocity: true }, "To connect with Ana: a real conversation, and Ana has interacted with you too."],
    ["nothing", {}, "Ana welcomes connection requests from anyone."],
    ["an account age", { minInteractions: 1, minAccountAgeDays: 30 }, "To connect with Ana: at least 1 interaction. Your account must be at least 30 days old."],
    ["only an account age", { minAccountAgeDays: 1 }, "Ana welcomes connection requests from anyone whose account is at least 1 day old."],
  ])("describes a custom policy with %s", (_label, over, text) => {
    expect(describePolicy(customPolicy(over), "Ana")).toBe(text);
  });

  it("leaves settings that do not change the requirement out of the sentence", () => {
    const p = policy("standard", { freshnessDays: 30, dailyPointCap: 3, pendingLoggedCounts: "none", allowIntroductions: false });
    expect(describePolicy(p, "Ana")).toBe(describePolicy(policy("standard"), "Ana"));
  });
});

describe("describeCriterionLabel", () => {
  it.each<[CriterionKey, number, number | undefined, string]>([
    ["points", 6, 4, "Points: 4 of 6"],
    ["points", 6, undefined, "At least 6 points"],
    ["interactions", 2, 1, "Interactions: 1 of 2"],
    ["interactions", 1, undefined, "At least 1 interaction"],
    ["distinctDays", 2, 1, "Different days: 1 of 2"],
    ["distinctDays", 3, undefined, "On at least 3 different days"],
    ["spanDays", 14, 3, "Days from first to last: 3 of 14"],
    ["spanDays", 14, undefined, "Over at least 14 days"],
    ["conversation", 1, 0, "A real conversation: not yet"],
    ["conversation", 1, 1, "A real conversation: yes"],
    ["conversation", 1, undefined, "A real conversation"],
    ["reciprocity", 1, 0, "They interacted with you too: not yet"],
    ["reciprocity", 1, 1, "They interacted with you too: yes"],
  ])("labels %s (required %i, current %s) as %j", (key, required, current, text) => {
    expect(describeCriterionLabel(key, required, current)).toBe(text);
  });
});
