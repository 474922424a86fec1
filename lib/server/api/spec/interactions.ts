import "server-only";
import { page, ZPathId } from "@/lib/validation/api/common";
import { ZApiLoggedCreate, ZApiLoggedQuery, ZLoggedInteraction } from "@/lib/validation/api/interaction";
import { defineRoute } from "../route-spec";

export const logInteractionRoute = defineRoute({
  method: "POST",
  path: "/interactions",
  operationId: "logInteraction",
  summary: "Log an interaction that happened elsewhere",
  description: "It starts pending; the member it was with confirms or disputes it.",
  tag: "Interactions",
  auth: "member",
  scope: "write:requests",
  body: ZApiLoggedCreate,
  response: ZLoggedInteraction,
  status: 201,
  errors: ["validation", "not_found", "rate_limited"],
});

export const listLoggedRoute = defineRoute({
  method: "GET",
  path: "/interactions",
  operationId: "listLoggedInteractions",
  summary: "Interactions you logged (role=actor) or others logged about you (role=target)",
  tag: "Interactions",
  auth: "member",
  scope: "read",
  query: ZApiLoggedQuery,
  response: page(ZLoggedInteraction),
  errors: ["validation"],
});

const decision = (verb: "confirm" | "dispute" | "withdraw", summary: string, description: string) =>
  defineRoute({
    method: "POST",
    path: `/interactions/{id}/${verb}`,
    operationId: `${verb}LoggedInteraction`,
    summary,
    description,
    tag: "Interactions",
    auth: "member",
    scope: "write:requests",
    params: ZPathId,
    resource: "logged interaction",
    response: ZLoggedInteraction,
    errors: ["not_found"],
  });

export const confirmLoggedRoute = decision("confirm", "Confirm an interaction logged about you", "Only its target, while pending.");
export const disputeLoggedRoute = decision("dispute", "Dispute an interaction logged about you", "Only its target, while pending. Disputed interactions never count.");
export const withdrawLoggedRoute = decision("withdraw", "Withdraw an interaction you logged", "Only its actor, while pending.");
