import { z } from "zod";
import { ZHandleRef } from "./member";

export const OFFER_DECISIONS = ["add", "dismiss"] as const;

/**
 * "Found for you" on /interactions and `POST /interaction-offers/{handle}/add|dismiss`: every
 * open offer about one member, added (logged) or dismissed at once.
 */
export const ZOfferDecision = z.strictObject({
  member: ZHandleRef("member"),
  decision: z.enum(OFFER_DECISIONS, { error: "Choose add or dismiss." }),
});
export type TOfferDecisionInput = z.input<typeof ZOfferDecision>;
