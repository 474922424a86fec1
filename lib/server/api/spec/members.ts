import "server-only";
import { z } from "zod";
import { ZIntroductionCreate } from "@/lib/validation/introduction";
import { ZReportCreate } from "@/lib/validation/report";
import { page, ZPageQuery, ZPathHandle, ZPathId } from "@/lib/validation/api/common";
import { ZApiKudosCreate, ZKudos } from "@/lib/validation/api/content";
import { ZEvaluation } from "@/lib/validation/api/evaluation";
import { ZTimelineItem } from "@/lib/validation/api/interaction";
import { ZMemberProfile, ZMemberRef } from "@/lib/validation/api/member";
import { ZInstant } from "@/lib/validation/api/common";
import { ZApiMemberSearchQuery, ZMemberSearchPage, ZSuggestions } from "@/lib/validation/api/people";
import { defineRoute } from "../route-spec";

// Declared before /members/{handle}: "suggestions" is a static segment, not a handle.
export const searchMembersRoute = defineRoute({
  method: "GET",
  path: "/members",
  operationId: "searchMembers",
  summary: "Find people: search members by name, handle, headline, bio, location or topic",
  description:
    "Forgives typos and prefixes. The exact handle comes first, then name matches, then the rest. Without `q` (or with " +
    "nothing searchable in it), the directory by name. Members who opted out, suspended members and blocks either way " +
    "never appear; email is never searched. Keep q and topic the same while you follow nextCursor.",
  tag: "Members",
  auth: "member",
  scope: "read",
  query: ZApiMemberSearchQuery,
  response: ZMemberSearchPage,
  errors: ["validation"],
});

export const suggestMembersRoute = defineRoute({
  method: "GET",
  path: "/members/suggestions",
  operationId: "suggestMembers",
  summary: "People to warm up with, each with its reasons in words",
  description:
    "Mutual connections, interactions toward you you have not answered, threads you both took part in (90 days) and " +
    "shared topics. Never yourself, your connections, blocks either way, suspended members, closed protocols, members " +
    "who opted out, anyone with a pending request either way, or anyone whose request you declined while its cooldown runs. " +
    "(A member whose handle is `suggestions` is at /members/@suggestions.)",
  tag: "Members",
  auth: "member",
  scope: "read",
  response: ZSuggestions,
});

export const getMemberRoute = defineRoute({
  method: "GET",
  path: "/members/{handle}",
  operationId: "getMember",
  summary: "A member's profile, protocol in words, and your relationship",
  tag: "Members",
  auth: "member",
  scope: "read",
  params: ZPathHandle,
  resource: "member",
  response: ZMemberProfile,
  errors: ["not_found"],
});

export const getWarmupRoute = defineRoute({
  method: "GET",
  path: "/members/{handle}/warmup",
  operationId: "getWarmup",
  summary: "How warm you are toward a member, under their protocol",
  description: "Status, percent, every criterion, each interaction's points (or why it did not count) and next steps.",
  tag: "Members",
  auth: "member",
  scope: "read",
  params: ZPathHandle,
  resource: "member",
  response: ZEvaluation,
  errors: ["not_found"],
});

export const getPairHistoryRoute = defineRoute({
  method: "GET",
  path: "/members/{handle}/interactions",
  operationId: "getPairHistory",
  summary: "The two-way interaction history between you and a member",
  description: "Newest first, with the points each counted toward your warm-up with them.",
  tag: "Members",
  auth: "member",
  scope: "read",
  params: ZPathHandle,
  resource: "member",
  query: ZPageQuery,
  response: page(ZTimelineItem),
  errors: ["not_found"],
});

export const listKudosRoute = defineRoute({
  method: "GET",
  path: "/members/{handle}/kudos",
  operationId: "listKudos",
  summary: "A member's kudos wall",
  tag: "Members",
  auth: "member",
  scope: "read",
  params: ZPathHandle,
  resource: "member",
  query: ZPageQuery,
  response: page(ZKudos),
  errors: ["not_found"],
});

export const giveKudosRoute = defineRoute({
  method: "POST",
  path: "/members/{handle}/kudos",
  operationId: "giveKudos",
  summary: "Write a short public thank-you on a member's profile",
  tag: "Members",
  auth: "member",
  scope: "write:content",
  params: ZPathHandle,
  resource: "member",
  body: ZApiKudosCreate,
  response: ZKudos,
  status: 201,
  errors: ["validation", "not_found", "self", "rate_limited"],
});

export const deleteKudosRoute = defineRoute({
  method: "DELETE",
  path: "/kudos/{id}",
  operationId: "deleteKudos",
  summary: "Take back kudos you gave",
  tag: "Members",
  auth: "member",
  scope: "write:content",
  params: ZPathId,
  resource: "kudos",
  errors: ["not_found"],
});

export const introduceRoute = defineRoute({
  method: "POST",
  path: "/introductions",
  operationId: "introduce",
  summary: "Introduce one of your connections to another",
  description: "You must be connected to both. Counts toward the introduced member's warm-up if the other's protocol allows introductions.",
  tag: "Members",
  auth: "member",
  scope: "write:requests",
  body: ZIntroductionCreate,
  response: z
    .object({ id: z.string(), createdAt: ZInstant, introduced: ZMemberRef.omit({ id: true }), introducedTo: ZMemberRef.omit({ id: true }), message: z.string() })
    .meta({ id: "Introduction" }),
  status: 201,
  errors: ["validation", "not_found", "self", "conflict", "forbidden", "already_connected"],
});

export const reportRoute = defineRoute({
  method: "POST",
  path: "/reports",
  operationId: "createReport",
  summary: "Report a member, post, comment, kudos or logged interaction to the moderators",
  tag: "Members",
  auth: "member",
  scope: "write:content",
  body: ZReportCreate,
  response: z
    .object({ id: z.string(), subjectType: z.string(), subjectId: z.string(), reason: z.string(), status: z.string(), createdAt: ZInstant })
    .meta({ id: "Report" }),
  status: 201,
  errors: ["validation", "not_found", "already_exists", "rate_limited"],
});
