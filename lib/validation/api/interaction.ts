import { z } from "zod";
import { LOGGED_KINDS, LOGGED_PLATFORMS, ZLoggedInteractionCreate } from "@/lib/validation/logged-interaction";
import { INTERACTION_KINDS } from "@/lib/warmup/types";
import { POLICY_BOUNDS } from "@/lib/warmup/policy";
import { ZInstant, ZPageQuery } from "./common";
import { ZMemberRef } from "./member";
import { ZInteractionVerdict } from "./evaluation";

const logged = ZLoggedInteractionCreate.shape;

/**
 * `POST /interactions`: the shared log schema with the member named `target` (the web form
 * calls it targetHandle). The evidence link is required for online platforms; the service
 * checks that and the date range (not in the future, not older than a year, UTC).
 */
export const ZApiLoggedCreate = z.strictObject({
  target: logged.targetHandle.meta({ description: "The member it was with: their handle, with or without @." }),
  platform: logged.platform,
  kind: logged.kind,
  occurredOn: logged.occurredOn.meta({ description: "The UTC day it happened, YYYY-MM-DD: not in the future, not older than a year." }),
  evidenceUrl: logged.evidenceUrl.meta({
    description: "http(s) link to it; required for x, linkedin, mastodon, bluesky, github and blog.",
  }),
  summary: logged.summary,
});

export const LOGGED_STATUSES = ["pending", "verified", "confirmed", "disputed", "withdrawn", "removed"] as const;

/** `GET /interactions?role=actor|target&status=` */
export const ZApiLoggedQuery = ZPageQuery.extend({
  role: z
    .enum(["actor", "target"], { error: "role must be actor (what you logged) or target (what others logged about you)." })
    .default("actor"),
  status: z.enum(LOGGED_STATUSES, { error: `status must be one of: ${LOGGED_STATUSES.join(", ")}.` }).optional(),
});

export const ZLoggedInteraction = z
  .object({
    id: z.string(),
    actor: ZMemberRef,
    target: ZMemberRef,
    platform: z.enum(LOGGED_PLATFORMS),
    kind: z.enum(LOGGED_KINDS),
    occurredOn: z.string().meta({ description: "YYYY-MM-DD (UTC)." }),
    evidenceUrl: z.string().nullable(),
    summary: z.string().nullable(),
    status: z.enum(LOGGED_STATUSES),
    verification: z
      .object({
        state: z.enum(["verified", "pending", "disputed"]),
        verifiedBy: z.enum(["bluesky", "mastodon", "github", "member"]).nullable().meta({
          description: "Who proved it: a network whose public API Rapport read (it counts in full at once), or `member` (the other member confirmed it).",
        }),
        checking: z.boolean().meta({ description: "Rapport is still to check the evidence link through the network's public API." }),
        reason: z.string().nullable().meta({
          description: "Why Rapport's check did not match (shown to the member who logged it only); it then waits for the other member.",
        }),
      })
      .meta({ id: "LoggedVerification" }),
    createdAt: ZInstant,
    decidedAt: ZInstant.nullable(),
  })
  .meta({ id: "LoggedInteraction" });

/** One interaction in the two-way history between the caller and a member. */
export const ZTimelineItem = z
  .object({
    id: z.string(),
    actor: ZMemberRef,
    target: ZMemberRef,
    kind: z.enum(INTERACTION_KINDS),
    source: z.enum(["observed", "logged", "introduction"]),
    context: z.enum(["post", "comment", "reply", "profile", "logged", "introduction"]),
    platform: z.string().nullable(),
    loggedKind: z.string().nullable(),
    excerpt: z.string().nullable(),
    occurredAt: ZInstant,
    day: z.string().meta({ description: "UTC day, YYYY-MM-DD: the unit the distinct-days rule counts." }),
    verification: z.enum(["verified", "pending", "confirmed", "disputed", "removed"]),
    href: z.string().nullable().meta({ description: "Where it happened: a path on this site, or the evidence link." }),
    external: z.boolean(),
    direction: z.enum(["outgoing", "incoming"]).nullable(),
    counted: z.boolean().nullable(),
    points: z.number().nonnegative(),
    note: ZInteractionVerdict.shape.note,
    reason: ZInteractionVerdict.shape.reason,
    windowDays: z.number().int().min(POLICY_BOUNDS.freshnessDays.min).max(POLICY_BOUNDS.freshnessDays.max).nullable(),
  })
  .meta({ id: "TimelineItem" });
