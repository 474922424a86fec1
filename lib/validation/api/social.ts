import { z } from "zod";
import { ZPolicyOut } from "@/lib/validation/policy";
import { ZInstant, ZPageQuery } from "./common";
import { ZEvaluation } from "./evaluation";
import { ZRelationship, ZRelationshipCounts } from "./relationships";
import { ZTimelineItem } from "./interaction";
import { ZMemberRef, ZMemberSummary } from "./member";

export const REQUEST_STATUSES = ["pending", "accepted", "declined", "withdrawn", "expired"] as const;

/** `GET /connection-requests?direction=&status=` */
export const ZApiRequestsQuery = ZPageQuery.extend({
  direction: z
    .enum(["incoming", "outgoing"], { error: "direction must be incoming or outgoing." })
    .optional()
    .meta({ description: "Leave out for both." }),
  status: z
    .enum([...REQUEST_STATUSES, "settled"], { error: `status must be one of: ${REQUEST_STATUSES.join(", ")}, settled.` })
    .default("pending")
    .meta({ description: "pending (default), one settled status, or settled (every status but pending)." }),
});

export const ZRequest = z
  .object({
    id: z.string(),
    direction: z.enum(["incoming", "outgoing"]).meta({ description: "incoming: they asked you." }),
    member: ZMemberSummary.meta({ description: "The other member." }),
    note: z.string(),
    status: z.enum(REQUEST_STATUSES),
    declineReason: z.enum(["not_yet", "no"]).nullable(),
    createdAt: ZInstant,
    expiresAt: ZInstant,
    decidedAt: ZInstant.nullable(),
    cooldownUntil: ZInstant.nullable().meta({ description: "After a decline or withdrawal: when the requester may ask again." }),
  })
  .meta({ id: "ConnectionRequest" });

/** The answer to sending: `connected` when they had already asked you (their request was accepted). */
export const ZRequestSent = ZRequest.extend({ outcome: z.enum(["sent", "connected"]) }).meta({ id: "ConnectionRequestSent" });

export const ZRequestSnapshot = z
  .object({
    takenAt: ZInstant,
    evaluation: ZEvaluation,
    policy: ZPolicyOut.omit({ description: true }),
    policyText: z.string(),
  })
  .meta({ id: "RequestSnapshot" });

export const ZRequestDetail = ZRequest.extend({
  viewerRole: z.enum(["recipient", "requester"]),
  requester: ZMemberSummary.extend({ bio: z.string(), location: z.string().nullable(), createdAt: ZInstant }),
  recipient: ZMemberSummary,
  snapshot: ZRequestSnapshot.nullable().meta({
    description: "For the recipient: the evaluation when it was sent and the protocol then — why it was allowed.",
  }),
  evaluationNow: ZEvaluation.nullable().meta({ description: "For the recipient, while pending: the same evaluation today." }),
  history: z.array(ZTimelineItem).meta({ description: "Every interaction between the two, newest first." }),
  mutualConnections: z.array(ZMemberSummary),
}).meta({ id: "ConnectionRequestDetail" });

export const ZConnection = z.object({ member: ZMemberSummary, since: ZInstant }).meta({ id: "Connection" });

/** `GET /connections?q=` */
export const ZApiConnectionsQuery = ZPageQuery.extend({
  q: z.string().trim().max(80, "Keep the search under 80 characters.").optional().meta({ description: "Search by name or handle." }),
});

/** A member you blocked, as `GET /blocks` lists them. */
export const ZBlockedMember = z
  .object({ member: ZMemberSummary, blockedAt: ZInstant.meta({ description: "When you blocked them." }) })
  .meta({ id: "BlockedMember" });

export const ZBlockOut = z
  .object({
    member: ZMemberRef,
    withdrawnRequests: z.number().int().nonnegative(),
    removedConnection: z.boolean(),
  })
  .meta({ id: "Block" });

export const ZNotification = z
  .object({
    id: z.string(),
    type: z.string(),
    text: z.string().meta({ description: "One plain sentence." }),
    href: z.string().meta({ description: "The page on this site it leads to." }),
    createdAt: ZInstant,
    read: z.boolean(),
  })
  .meta({ id: "Notification" });

export const ZNotificationsRead = z.object({ marked: z.number().int().nonnegative() }).meta({ id: "NotificationsRead" });

/** `GET /me/dashboard`: the home page's four columns and recent activity. */
export const ZDashboard = z
  .object({
    incoming: z
      .array(z.object({ id: z.string(), member: ZMemberSummary, note: z.string(), createdAt: ZInstant }))
      .meta({ description: "Requests waiting for your answer: the oldest 8; pending.incoming says how many in all (GET /connection-requests?direction=incoming lists them)." }),
    outgoing: z
      .array(z.object({ id: z.string(), member: ZMemberSummary, createdAt: ZInstant, expiresAt: ZInstant }))
      .meta({ description: "Your requests still waiting: the oldest 8; pending.outgoing says how many in all." }),
    pending: z.object({ incoming: z.number().int().nonnegative(), outgoing: z.number().int().nonnegative() }).meta({ description: "How many requests are pending each way." }),
    ready: z.array(ZRelationship).meta({ description: "Warm: you may ask them. The closest 8; counts.ready says how many in all (GET /relationships?status=ready lists them)." }),
    warming: z.array(ZRelationship).meta({ description: "Warming up, too new or cooling down: the 8 furthest along, each with its most useful next step." }),
    counts: ZRelationshipCounts,
    activity: z.array(ZNotification),
  })
  .meta({ id: "Dashboard" });
