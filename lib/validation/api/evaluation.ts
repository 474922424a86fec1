import { z } from "zod";
import { ZInstant } from "./common";

/**
 * The rules engine's Evaluation (lib/warmup/types.ts) as the API returns it: for
 * GET /members/{handle}/warmup, in warmup_incomplete problems and in request snapshots.
 */
export const RELATIONSHIP_STATUSES = [
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
] as const;

export const ZRelationshipStatus = z.enum(RELATIONSHIP_STATUSES).meta({
  id: "RelationshipStatus",
  description:
    "From the caller's side: self, blocked, connected, incoming (they asked you), requested (you asked), cooldown, " +
    "closed (their protocol accepts no requests), too_new, warm (you may ask), warming, cold.",
});

export const ZCriterion = z
  .object({
    key: z.enum(["points", "interactions", "distinctDays", "spanDays", "conversation", "reciprocity"]),
    label: z.string().meta({ description: "The criterion in plain words." }),
    current: z.number(),
    required: z.number(),
    met: z.boolean(),
  })
  .meta({ id: "Criterion" });

export const ZInteractionVerdict = z
  .object({
    id: z.string(),
    direction: z.enum(["outgoing", "incoming"]).meta({ description: "outgoing: requester → recipient." }),
    counted: z.boolean(),
    points: z.number().meta({ description: "Points it contributed (0 for incoming interactions)." }),
    note: z.enum(["pending_half", "capped"]).nullable().meta({ description: "Why it counted only partly." }),
    reason: z
      .enum(["outside_window", "over_daily_cap", "disputed", "removed", "pending_not_counted", "introductions_off", "in_future"])
      .nullable()
      .meta({ description: "Why it did not count." }),
    day: z.string().meta({ description: "UTC day, YYYY-MM-DD." }),
  })
  .meta({ id: "InteractionVerdict" });

export const ZEvaluation = z
  .object({
    status: ZRelationshipStatus,
    gateMet: z.boolean().meta({ description: "True when every criterion is met." }),
    percent: z.number().min(0).max(100).meta({ description: "Overall progress; 100 only when every criterion is met." }),
    criteria: z.array(ZCriterion),
    interactions: z.array(ZInteractionVerdict),
    nextSteps: z.array(z.string()).meta({ description: "What to do next, in plain words." }),
    cooldownUntil: ZInstant.nullable(),
    evaluatedAt: ZInstant,
  })
  .meta({ id: "Evaluation" });
export type TEvaluationOut = z.infer<typeof ZEvaluation>;
