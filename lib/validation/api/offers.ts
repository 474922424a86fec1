import { z } from "zod";
import { ZInstant } from "./common";
import { ZMemberRef } from "./member";
import { ZLoggedInteraction } from "./interaction";
import { ZOfferIds } from "../interaction-offer";
import { VERIFY_NETWORKS } from "@/lib/verify/networks";

/** One public post of yours Rapport found that replies to or mentions another member. */
export const ZInteractionOffer = z
  .object({
    id: z.string(),
    kind: z.enum(["reply", "mention", "comment"]).meta({ description: "What it becomes when added: a reply to them, a mention of them, or (GitHub) a comment on their issue or pull request." }),
    postUrl: z.string().meta({ description: "The post's public page (bsky.app, the Mastodon instance, github.com); the evidence link once added." }),
    occurredAt: ZInstant.meta({ description: "When the post was written (its createdAt)." }),
  })
  .meta({ id: "InteractionOffer" });

/** Every open offer about one member on one network. */
export const ZInteractionOfferGroup = z
  .object({
    member: ZMemberRef,
    network: z.enum(VERIFY_NETWORKS),
    offers: z.array(ZInteractionOffer),
  })
  .meta({ id: "InteractionOfferGroup" });

export const ZInteractionOfferList = z.object({
  items: z.array(ZInteractionOfferGroup).meta({ description: "Grouped by member, the newest post first (at most 200 offers)." }),
});

export const ZInteractionOfferDecision = z
  .object({
    decided: z.number().int().meta({ description: "Offers this call added or dismissed; 0 when they were already decided (a repeated call)." }),
    logged: z.array(ZLoggedInteraction).meta({ description: "add: the logged interactions created, pending until Rapport's evidence check (usually seconds)." }),
  })
  .meta({ id: "InteractionOfferDecision" });

/** The optional body of add and dismiss: which offers (by id); left out, every open one about the member. */
export const ZInteractionOfferChoice = z
  .strictObject({ offers: ZOfferIds.optional().meta({ description: "Only these offers (ids from GET /interaction-offers). Left out: every open offer about the member." }) })
  .meta({ id: "InteractionOfferChoice" });
