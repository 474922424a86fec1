import "server-only";
import { ZBlockMember } from "@/lib/validation/block";
import { ZDeclineRequest, ZSendRequest } from "@/lib/validation/request";
import { page, ZPathHandle, ZPathId, ZPageQuery } from "@/lib/validation/api/common";
import {
  ZApiConnectionsQuery,
  ZApiRequestsQuery,
  ZBlockedMember,
  ZBlockOut,
  ZConnection,
  ZNotification,
  ZNotificationsRead,
  ZRequest,
  ZRequestDetail,
  ZRequestSent,
} from "@/lib/validation/api/social";
import { z } from "zod";
import { defineRoute } from "../route-spec";

export const sendRequestRoute = defineRoute({
  method: "POST",
  path: "/connection-requests",
  operationId: "sendConnectionRequest",
  summary: "Ask a member to connect (only once warmed up)",
  description:
    "Refused with warmup_incomplete (carrying the evaluation) until you meet their protocol. A personal note of 30–500 characters is required. " +
    "If they had already asked you, this accepts their request (outcome: connected).",
  tag: "Connection requests",
  auth: "member",
  scope: "write:requests",
  body: ZSendRequest,
  response: ZRequestSent,
  status: 201,
  errors: [
    "validation",
    "not_found",
    "self",
    "warmup_incomplete",
    "cooldown",
    "closed",
    "too_new",
    "already_connected",
    "duplicate_pending",
    "weekly_limit",
    "pending_limit",
    "leaving",
  ],
});

export const listRequestsRoute = defineRoute({
  method: "GET",
  path: "/connection-requests",
  operationId: "listConnectionRequests",
  summary: "Your requests, incoming and outgoing",
  tag: "Connection requests",
  auth: "member",
  scope: "read",
  query: ZApiRequestsQuery,
  response: page(ZRequest),
  errors: ["validation"],
});

export const getRequestRoute = defineRoute({
  method: "GET",
  path: "/connection-requests/{id}",
  operationId: "getConnectionRequest",
  summary: "One request, with the history between you and, for its recipient, the snapshot",
  tag: "Connection requests",
  auth: "member",
  scope: "read",
  params: ZPathId,
  resource: "request",
  response: ZRequestDetail,
  errors: ["not_found"],
});

export const acceptRequestRoute = defineRoute({
  method: "POST",
  path: "/connection-requests/{id}/accept",
  operationId: "acceptConnectionRequest",
  summary: "Accept a request sent to you",
  tag: "Connection requests",
  auth: "member",
  scope: "write:requests",
  params: ZPathId,
  resource: "request",
  response: ZRequest,
  errors: ["not_found", "conflict"],
});

export const declineRequestRoute = defineRoute({
  method: "POST",
  path: "/connection-requests/{id}/decline",
  operationId: "declineConnectionRequest",
  summary: "Decline a request sent to you: not_yet (cooldown 14 days) or no (90 days)",
  tag: "Connection requests",
  auth: "member",
  scope: "write:requests",
  params: ZPathId,
  resource: "request",
  body: ZDeclineRequest,
  response: ZRequest,
  errors: ["validation", "not_found", "conflict"],
});

export const withdrawRequestRoute = defineRoute({
  method: "POST",
  path: "/connection-requests/{id}/withdraw",
  operationId: "withdrawConnectionRequest",
  summary: "Withdraw a request you sent (cooldown 7 days)",
  tag: "Connection requests",
  auth: "member",
  scope: "write:requests",
  params: ZPathId,
  resource: "request",
  response: ZRequest,
  errors: ["not_found", "conflict"],
});

export const listConnectionsRoute = defineRoute({
  method: "GET",
  path: "/connections",
  operationId: "listConnections",
  summary: "Your connections, newest first",
  tag: "Connections",
  auth: "member",
  scope: "read",
  query: ZApiConnectionsQuery,
  response: page(ZConnection),
  errors: ["validation"],
});

export const removeConnectionRoute = defineRoute({
  method: "DELETE",
  path: "/connections/{handle}",
  operationId: "removeConnection",
  summary: "Remove a connection (quietly, no cooldown)",
  tag: "Connections",
  auth: "member",
  scope: "write:requests",
  params: ZPathHandle,
  resource: "connection",
  errors: ["not_found"],
});

export const listBlocksRoute = defineRoute({
  method: "GET",
  path: "/blocks",
  operationId: "listBlocks",
  summary: "The members you blocked, newest first",
  description: "The same list as Settings → Blocked members. Only the blocks you made: who blocked you is never revealed.",
  tag: "Blocks",
  auth: "member",
  scope: "read",
  query: ZPageQuery,
  response: page(ZBlockedMember),
  errors: ["validation"],
});

export const blockRoute = defineRoute({
  method: "POST",
  path: "/blocks",
  operationId: "blockMember",
  summary: "Block a member",
  description: "Withdraws any pending request between you and removes any connection. They are not told.",
  tag: "Blocks",
  auth: "member",
  scope: "write:content",
  body: ZBlockMember,
  response: ZBlockOut,
  status: 201,
  errors: ["validation", "not_found", "self"],
});

export const unblockRoute = defineRoute({
  method: "DELETE",
  path: "/blocks/{handle}",
  operationId: "unblockMember",
  summary: "Lift a block you made",
  tag: "Blocks",
  auth: "member",
  scope: "write:content",
  params: ZPathHandle,
  resource: "block",
  errors: ["not_found"],
});

export const listNotificationsRoute = defineRoute({
  method: "GET",
  path: "/notifications",
  operationId: "listNotifications",
  summary: "Your notifications, newest first",
  tag: "Notifications",
  auth: "member",
  scope: "read",
  query: ZPageQuery,
  response: page(ZNotification).extend({ unread: z.number().int().nonnegative() }),
  errors: ["validation"],
});

export const readNotificationsRoute = defineRoute({
  method: "POST",
  path: "/notifications/read",
  operationId: "markNotificationsRead",
  summary: "Mark all your notifications as read",
  tag: "Notifications",
  auth: "member",
  scope: "write:content",
  response: ZNotificationsRead,
});
