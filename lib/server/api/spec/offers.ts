import "server-only";
import { ZPathHandle } from "@/lib/validation/api/common";
import { ZInteractionOfferDecision, ZInteractionOfferList } from "@/lib/validation/api/offers";
import { defineRoute } from "../route-spec";

export const listOffersRoute = defineRoute({
  method: "GET",
  path: "/interaction-offers",
  operationId: "listInteractionOffers",
  summary: "Found for you: your public replies and mentions Rapport found, to add or dismiss",
  description:
    "With `findInteractions` on (PATCH /me) and a verified Bluesky or Mastodon account, a background job reads your own public posts there about daily " +
    "and offers each reply to, or mention of, a member with a verified account on the same network, inside that member's window. Nothing is logged until you add it.",
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
    resource: "member",
    response: ZInteractionOfferDecision,
    errors: verb === "add" ? ["not_found", "validation", "rate_limited", "conflict"] : ["not_found"],
  });

export const addOffersRoute = decide(
  "add",
  "Log every open offer about a member",
  "Each becomes a logged interaction (platform bluesky, the post as evidence) under the usual rules — the daily limit, blocks — all or none; " +
    "Rapport's evidence check then verifies it. Repeating the call logs nothing twice (`decided: 0`).",
);
export const dismissOffersRoute = decide("dismiss", "Dismiss every open offer about a member", "They are never offered again. Repeating the call changes nothing.");
