import { z } from "zod";
import { ZHandleRef } from "./member";

export const KUDOS_MAX = 500;

/** `POST /api/v1/members/{handle}/kudos` and the kudos form on a profile. */
export const ZKudosCreate = z.strictObject({
  recipientHandle: ZHandleRef("recipient"),
  body: z
    .string({ error: "Write a few words of thanks." })
    .trim()
    .min(1, "Write a few words of thanks.")
    .max(KUDOS_MAX, `Keep your kudos under ${KUDOS_MAX} characters.`),
});
export type TKudosCreateInput = z.input<typeof ZKudosCreate>;
