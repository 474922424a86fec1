import { z } from "zod";
import { CATEGORY_LABELS, EMAIL_CATEGORIES, EMAIL_MODES } from "@/lib/email/categories";
import { ZEmail, ZPassword } from "./member";

export const ZPasswordResetRequest = z.strictObject({ email: ZEmail });
export type TPasswordResetRequest = z.input<typeof ZPasswordResetRequest>;

/** "Email me a sign-in link": the same one field. */
export const ZSignInLinkRequest = ZPasswordResetRequest;
export type TSignInLinkRequest = TPasswordResetRequest;

export const ZPasswordResetConfirm = z.strictObject({
  token: z.string({ error: "The reset link is incomplete." }).trim().min(20, "The reset link is incomplete.").max(200, "The reset link is not valid."),
  password: ZPassword,
});
export type TPasswordResetConfirm = z.input<typeof ZPasswordResetConfirm>;

export const ZChangeEmail = z.strictObject({ email: ZEmail });
export type TChangeEmail = z.input<typeof ZChangeEmail>;

const ZMode = z.enum(EMAIL_MODES, { error: "Choose at once, in the weekly digest, or never." });
/** /settings/notifications and `PUT /api/v1/me/email-preferences`: every category, each `instant`, `digest` or `never`. */
export const ZEmailPrefs = z
  .strictObject(
    Object.fromEntries(
      EMAIL_CATEGORIES.map((c) => [c, ZMode.meta({ description: `${CATEGORY_LABELS[c].title} — ${CATEGORY_LABELS[c].hint}` })]),
    ) as Record<(typeof EMAIL_CATEGORIES)[number], typeof ZMode>,
  )
  .meta({ id: "EmailPreferences" });
export type TEmailPrefs = z.input<typeof ZEmailPrefs>;

export const ZPasswordResetAccepted = z.object({
  message: z.string().meta({ description: "The same words whether or not the address has an account." }),
});
