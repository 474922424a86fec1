import { z } from "zod";

export const KUDOS_MAX = 500;

/** A handle as typed by a person: "@Ana" and "ana" are the same member. */
export const ZHandleRef = (field: string) =>
  z
    .string({ error: `Enter the ${field}'s handle.` })
    .trim()
    .transform((v) => v.replace(/^@/, "").toLowerCase())
    .pipe(
      z
        .string()
        .min(1, `Enter the ${field}'s handle.`)
        .regex(/^[a-z0-9_]{3,30}$/, `That doesn't look like a handle: use 3–30 letters, digits or underscores, like @ana.`),
    );

/** `POST /api/v1/members/{handle}/kudos` and the kudos form on a profile. */
export const ZKudosCreate = z.strictObject({
  recipientHandle: ZHandleRef("recipient"),
  body: z
    .string({ error: "Write a few words of thanks." })
    .trim()
    .min(1, "Write a few words of thanks.")
    .max(KUDOS_MAX, `Keep your kudos under ${KUDOS_MAX} characters.`),
});
export type TKudosCreate = z.infer<typeof ZKudosCreate>;
