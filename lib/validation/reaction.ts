import { z } from "zod";
import { ZId } from "./post";

export const REACTION_TYPES = ["like", "insightful", "thanks"] as const;
export type ReactionType = (typeof REACTION_TYPES)[number];

export const REACTION_LABELS: Record<ReactionType, string> = {
  like: "Like",
  insightful: "Insightful",
  thanks: "Thanks",
};

export const ZReactionType = z.enum(REACTION_TYPES, { error: "Choose a reaction: like, insightful or thanks." });

/**
 * Sets (or with `type: null` removes) the member's one reaction on a post or a comment.
 * `PUT/DELETE /api/v1/{posts|comments}/{id}/reaction` and the reaction buttons.
 */
export const ZReactionSet = z.strictObject({
  subject: z.enum(["post", "comment"], { error: "React to a post or a comment." }),
  id: ZId("post or comment"),
  type: ZReactionType.nullable(),
});
export type TReactionSetInput = z.input<typeof ZReactionSet>;
