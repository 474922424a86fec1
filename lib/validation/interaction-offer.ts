import { z } from "zod";
import { ZHandleRef } from "./member";
import { ZId } from "./post";

export const OFFER_DECISIONS = ["add", "dismiss"] as const;
/** At most this many offers in one decision (the list shows at most 200 in all). */
export const OFFERS_PER_DECISION = 100;

/** Which offers a decision is about: omitted, every open one about the member; given, just those. */
export const ZOfferIds = z
  .array(ZId("offer"), { error: "List the offers by id." })
  .min(1, "Tick at least one of the posts.")
  .max(OFFERS_PER_DECISION, `Choose at most ${OFFERS_PER_DECISION} offers at a time.`);

/**
 * "Found for you" on /interactions and `POST /interaction-offers/{handle}/add|dismiss`: the open
 * offers about one member — all of them, or the ones listed in `offers` — added (logged) or
 * dismissed at once.
 */
export const ZOfferDecision = z.strictObject({
  member: ZHandleRef("member"),
  decision: z.enum(OFFER_DECISIONS, { error: "Choose add or dismiss." }),
  offers: ZOfferIds.optional(),
});
export type TOfferDecisionInput = z.input<typeof ZOfferDecision>;
