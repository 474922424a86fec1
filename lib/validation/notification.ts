import { z } from "zod";

/** The most notifications one page shows (and so the most one "mark these read" names). */
export const NOTIFICATIONS_PER_PAGE = 25;

/** Mark the notifications a page showed as read, by id (someone else's ids simply match nothing). */
export const ZMarkShownRead = z.strictObject({
  ids: z
    .array(z.string().trim().min(1, "Each id needs at least 1 character.").max(64, "Each id is at most 64 characters."))
    .min(1, "Name at least one notification.")
    .max(NOTIFICATIONS_PER_PAGE, `Name at most ${NOTIFICATIONS_PER_PAGE} notifications.`),
});
export type TMarkShownReadInput = z.input<typeof ZMarkShownRead>;
