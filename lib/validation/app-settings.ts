import { z } from "zod";
import { DEFAULT_WEIGHTS } from "@/lib/warmup/weights";
import { INTERACTION_KINDS } from "@/lib/warmup/types";
import { POLICY_BOUNDS } from "@/lib/warmup/policy";

const int = (min: number, max: number, def: number) => z.number().int().min(min).max(max).default(def);

const ZCriteriaOverride = z.strictObject({
  minPoints: int(POLICY_BOUNDS.minPoints.min, POLICY_BOUNDS.minPoints.max, 0),
  minInteractions: int(POLICY_BOUNDS.minInteractions.min, POLICY_BOUNDS.minInteractions.max, 0),
  minDistinctDays: int(POLICY_BOUNDS.minDistinctDays.min, POLICY_BOUNDS.minDistinctDays.max, 0),
  minSpanDays: int(POLICY_BOUNDS.minSpanDays.min, POLICY_BOUNDS.minSpanDays.max, 0),
  requireConversation: z.boolean().default(false),
  requireReciprocity: z.boolean().default(false),
});

/** Admin-tunable values, stored as one JSON document; anything missing takes the spec's default. */
export const ZAppSettings = z.object({
  weights: z
    .object(Object.fromEntries(INTERACTION_KINDS.map((k) => [k, int(0, 20, DEFAULT_WEIGHTS[k])])) as Record<
      (typeof INTERACTION_KINDS)[number],
      z.ZodDefault<z.ZodNumber>
    >)
    .prefault({}),
  presets: z
    .object({
      open: ZCriteriaOverride.optional(),
      friendly: ZCriteriaOverride.optional(),
      standard: ZCriteriaOverride.optional(),
      strict: ZCriteriaOverride.optional(),
    })
    .prefault({}),
  requests: z
    .object({
      weeklyLimit: int(1, 500, 20),
      pendingCap: int(1, 1000, 50),
      cooldownNotYetDays: int(0, 365, 14),
      cooldownNoDays: int(0, 730, 90),
      cooldownWithdrawDays: int(0, 365, 7),
      expiryDays: int(1, 365, 30),
    })
    .prefault({}),
  content: z
    .object({
      postsPerHour: int(1, 10_000, 30),
      commentsPerHour: int(1, 10_000, 200),
      loggedPerDay: int(1, 10_000, 20),
      kudosPerDay: int(1, 10_000, 30),
    })
    .prefault({}),
  introductions: z.object({ cooldownDays: int(1, 365, 90) }).prefault({}),
  moderation: z.object({ noDeclineThreshold: int(1, 1000, 10) }).prefault({}),
});
export type TAppSettings = z.infer<typeof ZAppSettings>;

type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
/** What an admin sends: any part of the settings; what it leaves out keeps its current value. */
export type TAppSettingsPatch = DeepPartial<z.input<typeof ZAppSettings>>;

export const DEFAULT_APP_SETTINGS: TAppSettings = ZAppSettings.parse({});
