import { describe, expect, it } from "vitest";
import { describePolicyShort } from "../../../lib/warmup/describe";
import type { PresetName } from "../../../lib/warmup/types";
import { customPolicy, policy } from "./factories";

describe("describePolicyShort", () => {
  it.each<[PresetName, string]>([
    ["open", "Open to anyone"],
    ["friendly", "1 interaction"],
    ["standard", "2 interactions on 2 days, with a conversation"],
    ["strict", "4 interactions on 3 days over 14 days, with a conversation and replies both ways"],
    ["closed", "Not accepting requests"],
  ])("puts the %s preset in one short phrase", (preset, text) => {
    expect(describePolicyShort(policy(preset))).toBe(text);
  });

  it.each<[string, Parameters<typeof customPolicy>[0], string]>([
    ["points only", { minPoints: 5 }, "5 points"],
    ["a conversation only", { requireConversation: true }, "Needs a conversation"],
    ["only an account age", { minAccountAgeDays: 30 }, "Open to accounts 30 days old"],
  ])("describes a custom protocol with %s", (_label, over, text) => {
    expect(describePolicyShort(customPolicy(over))).toBe(text);
  });
});
