import { z } from "zod";
import { POLICY_BOUNDS, type NumericPolicyKey } from "@/lib/warmup/policy";
import { PRESETS } from "@/lib/warmup/types";

const LABELS: Record<NumericPolicyKey, string> = {
  minPoints: "Points",
  minInteractions: "Interactions",
  minDistinctDays: "Distinct days",
  minSpanDays: "Span (days)",
  freshnessDays: "Freshness window (days)",
  dailyPointCap: "Daily point cap",
  minAccountAgeDays: "Minimum account age (days)",
};

/**
 * A whole number within the policy bounds. Only a real number: coercion would read null, "",
 * false and [] as 0 (an open gate) and true as 1. The form's strings are turned into numbers
 * by protocolFormObject (lib/validation/protocol-form.ts) before they get here.
 */
export const boundedInt = (key: NumericPolicyKey) => {
  const { min, max } = POLICY_BOUNDS[key];
  return z
    .number({ error: `${LABELS[key]} must be a number.` })
    .int(`${LABELS[key]} must be a whole number.`)
    .min(min, `${LABELS[key]} must be between ${min} and ${max}.`)
    .max(max, `${LABELS[key]} must be between ${min} and ${max}.`);
};

const bool = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);

export const ZPolicySettings = z.strictObject({
  freshnessDays: boundedInt("freshnessDays").optional(),
  dailyPointCap: boundedInt("dailyPointCap").optional(),
  pendingLoggedCounts: z.enum(["half", "full", "none"], { error: "Pending logged interactions must count as half, full or none." }).optional(),
  allowIntroductions: bool.optional(),
  minAccountAgeDays: boundedInt("minAccountAgeDays").optional(),
});

export const ZCustomCriteria = z.strictObject({
  minPoints: boundedInt("minPoints"),
  minInteractions: boundedInt("minInteractions"),
  minDistinctDays: boundedInt("minDistinctDays"),
  minSpanDays: boundedInt("minSpanDays"),
  requireConversation: bool,
  requireReciprocity: bool,
});

/**
 * `PUT /api/v1/me/policy` and the protocol form: `{preset}` for a preset, or
 * `{preset: "custom", …criteria}`; the settings are optional either way (missing = unchanged).
 */
export const ZPolicyUpdate = z.discriminatedUnion(
  "preset",
  [
    ZPolicySettings.extend({ preset: z.enum(PRESETS.filter((p) => p !== "custom") as ["open", "friendly", "standard", "strict", "closed"]) }),
    ZPolicySettings.extend(ZCustomCriteria.shape).extend({ preset: z.literal("custom") }),
  ],
  { error: "Choose a preset: open, friendly, standard, strict, closed or custom." },
);
export type TPolicyUpdate = z.infer<typeof ZPolicyUpdate>;
export type TPolicyUpdateInput = z.input<typeof ZPolicyUpdate>;

/** What the API returns for a member's own protocol. */
export const ZPolicyOut = z.object({
  preset: z.enum(PRESETS),
  minPoints: z.number().int().min(POLICY_BOUNDS.minPoints.min).max(POLICY_BOUNDS.minPoints.max),
  minInteractions: z.number().int().min(POLICY_BOUNDS.minInteractions.min).max(POLICY_BOUNDS.minInteractions.max),
  minDistinctDays: z.number().int().min(POLICY_BOUNDS.minDistinctDays.min).max(POLICY_BOUNDS.minDistinctDays.max),
  minSpanDays: z.number().int().min(POLICY_BOUNDS.minSpanDays.min).max(POLICY_BOUNDS.minSpanDays.max),
  requireConversation: z.boolean(),
  requireReciprocity: z.boolean(),
  freshnessDays: z.number().int().min(POLICY_BOUNDS.freshnessDays.min).max(POLICY_BOUNDS.freshnessDays.max),
  dailyPointCap: z.number().int().min(POLICY_BOUNDS.dailyPointCap.min).max(POLICY_BOUNDS.dailyPointCap.max),
  pendingLoggedCounts: z.enum(["half", "full", "none"]),
  allowIntroductions: z.boolean(),
  minAccountAgeDays: z.number().int().min(POLICY_BOUNDS.minAccountAgeDays.min).max(POLICY_BOUNDS.minAccountAgeDays.max),
  description: z.string(),
});
