import "server-only";
import type { z } from "zod";
import type { RelationshipItem } from "@/lib/server/queries/relationships";
import type { ZRelationship } from "@/lib/validation/api/relationships";
import { isoOrNull, summary } from "./common";

export const toRelationshipOut = (r: RelationshipItem): z.input<typeof ZRelationship> => ({
  member: summary(r.member),
  status: r.status,
  percent: r.percent,
  gateMet: r.gateMet,
  nextStep: r.nextStep,
  lastInteractionAt: isoOrNull(r.lastInteractionAt),
});
