import { z } from "zod";
import { CRITERION_KEYS, NOT_COUNTED_REASONS, RELATIONSHIP_STATUSES, VERDICT_NOTES } from "@/lib/warmup/types";
import { ZInstant } from "./common";
import { AHEAD_OF_SLOWEST } from "@/lib/warmup/criteria";

/**
 * The rules engine's Evaluation (lib/warmup/types.ts) as the API returns it: for
 * GET /members/{handle}/warmup, in warmup_incomplete problems and in request snapshots.
 */
export const ZRelationshipStatus = z.enum(RELATIONSHIP_STATUSES).meta({
  id: "RelationshipStatus",
  description:
    "From the caller's side: self, blocked, connected, incoming (they asked you), requested (you asked), cooldown, " +
    "closed (their protocol accepts no requests), too_new, warm (you may ask), warming, cold.",
});

export const ZCriterion = z
  .object({
    key: z.enum(CRITERION_KEYS),
    label: z.string().meta({ description: "The criterion in plain words." }),
    current: z.number().nonnegative(),
    required: z.number().nonnegative(),
    met: z.boolean(),
  })
  .meta({ id: "Criterion" });

export const ZInteractionVerdict = z
  .object({
    id: z.string(),
    direction: z.enum(["outgoing", "incoming"]).meta({ description: "outgoing: requester → recipient." }),
    counted: z.boolean(),
    points: z.number().nonnegative().meta({ description: "Points it contributed (0 for incoming interactions)." }),
    note: z.enum(VERDICT_NOTES).nullable().meta({ description: "Why it counted only partly." }),
    reason: z
      .enum(NOT_COUNTED_REASONS)
      .nullable()
      .meta({ description: "Why it did not count." }),
    day: z.string().meta({ description: "UTC day, YYYY-MM-DD." }),
  })
  .meta({ id: "InteractionVerdict" });

export const ZEvaluation = z
  .object({
    status: ZRelationshipStatus,
    gateMet: z.boolean().meta({ description: "True when every criterion is met." }),
    percent: z
      .number()
      .min(0)
      .max(100)
      .meta({
        description:
          `Overall progress: the average of the criteria's own percents, held to at most ${AHEAD_OF_SLOWEST} points above the count criterion furthest behind ` +
          "(points, interactions, distinct days, span; days are counted in UTC); 0 until something you did counts; 100 exactly when every criterion is met.",
      }),
    criteria: z.array(ZCriterion),
    interactions: z.array(ZInteractionVerdict),
    nextSteps: z.array(z.string()).meta({ description: "What to do next, in plain words." }),
    cooldownUntil: ZInstant.nullable(),
    evaluatedAt: ZInstant,
  })
  .meta({ id: "Evaluation" });
export type TEvaluationOut = z.infer<typeof ZEvaluation>;
