import "server-only";
import { ZPathHandle } from "@/lib/validation/api/common";
import { ZInteractionOfferChoice, ZInteractionOfferDecision, ZInteractionOfferList } from "@/lib/validation/api/offers";
import { defineRoute } from "../route-spec";

export const listOffersRoute = defineRoute({
  method: "GET",
  path: "/interaction-offers",
  operationId: "listInteractionOffers",
  summary: "Found for you: your public replies and mentions Rapport found, to add or dismiss",
  description:
    "With `findInteractions` on (PATCH /me) and a verified account on a network Rapport can read, a background job reads your own public posts " +
    "there about daily and offers each reply to, mention of or comment on a member with a verified account on the same network, inside that " +
    "member's window. Grouped by member and network. Nothing is logged until you add it.",
  tag: "Interactions",
  auth: "member",
  scope: "read",
  response: ZInteractionOfferList,
});

const decide = (verb: "add" | "dismiss", summary: string, description: string) =>
  defineRoute({
    method: "POST",
    path: `/interaction-offers/{handle}/${verb}`,
    operationId: `${verb}InteractionOffers`,
    summary,
    description,
    tag: "Interactions",
    auth: "member",
    scope: "write:requests",
    params: ZPathHandle,
    body: ZInteractionOfferChoice.optional(),
    resource: "member",
    response: ZInteractionOfferDecision,
    errors: verb === "add" ? ["not_found", "validation", "rate_limited", "conflict"] : ["not_found", "validation"],
  });

export const addOffersRoute = decide(
  "add",
  "Log open offers about a member",
  "Every open offer about the member, or those listed in `offers`. Each becomes a logged interaction (the post's network as platform, the " +
    "post as evidence) under the usual rules — the daily limit, blocks — all or none; the member is told once. Rapport's evidence check " +
    "then verifies each. Repeating the call logs nothing twice (`decided: 0`).",
);
export const dismissOffersRoute = decide(
  "dismiss",
  "Dismiss open offers about a member",
  "Every open offer about the member, or those listed in `offers`. They are never offered again. Repeating the call changes nothing.",
);
