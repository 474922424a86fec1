import { z } from "zod";
import { ZInstant } from "./common";
import { ZMemberRef } from "./member";
import { ZLoggedInteraction } from "./interaction";

/** One public post of yours Rapport found that replies to or mentions another member. */
export const ZInteractionOffer = z
  .object({
    id: z.string(),
    kind: z.enum(["reply", "mention"]),
    postUrl: z.string().meta({ description: "The post on bsky.app; the evidence link once added." }),
    occurredAt: ZInstant.meta({ description: "When the post was written (its createdAt)." }),
  })
  .meta({ id: "InteractionOffer" });

/** Every open offer about one member. */
export const ZInteractionOfferGroup = z
  .object({
    member: ZMemberRef,
    network: z.enum(["bluesky"]),
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
