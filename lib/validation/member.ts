import { z } from "zod";
import { ZTopics } from "./topics";
import { ZBrowserDateLocale, ZBrowserTimeZone, ZDateLocale, ZTimeZone } from "./date-prefs";

/** Handles that name a page of the API rather than a member (GET /api/v1/members/suggestions). */
export const RESERVED_HANDLES: readonly string[] = ["suggestions"];

/** Handles: 3–30 characters of a–z, 0–9 and _, compared case-insensitively (stored lower-case). */
export const ZHandle = z
  .string({ error: "Choose a handle." })
  .trim()
  .toLowerCase()
  .min(3, "Your handle needs at least 3 characters.")
  .max(30, "Your handle can be at most 30 characters.")
  .regex(/^[a-z0-9_]+$/, "Use only letters, digits and underscores in your handle.")
  .refine((h) => !RESERVED_HANDLES.includes(h), "That handle is taken — try another.");

/**
 * How a handle reference reads in the OpenAPI document: as sent, so the documented "@ana"
 * form (and any case) passes the pattern; the server trims, drops the "@" and lower-cases it.
 */
const HANDLE_REF_JSON = {
  description: "A member's handle, with or without the leading @, any case (\"@Ana\" and \"ana\" are the same member).",
  pattern: "^@?[A-Za-z0-9_]{3,30}$",
  minLength: 3,
  maxLength: 31,
} as const;

/** Normalises a reference as typed: "  @Ana " and "ana" name the same member. */
const asHandleRef = (v: string) => v.trim().replace(/^@/, "").toLowerCase();

/**
 * A handle naming another member, as typed by a person. With `field`, the messages say whose
 * handle is missing ("Enter the recipient's handle."); without it they speak of a member's
 * handle ("Enter a member's handle, like grace_kim."), as on the request, block and
 * connection forms. Never the sign-up wording ("Your handle…", "taken"): that is ZHandle's, for
 * the member's own handle. A reserved word is not refused here; no member has it, so it is
 * not found.
 */
export function ZHandleRef(field?: string) {
  if (field === undefined) {
    const missing = "Enter a member's handle, like grace_kim.";
    return z
      .string({ error: missing })
      .transform(asHandleRef)
      .pipe(
        z
          .string()
          .min(1, { error: missing, abort: true })
          .min(3, "That handle is too short — handles have at least 3 characters.")
          .max(30, "That handle is too long — handles have at most 30 characters.")
          .regex(/^[a-z0-9_]*$/, "That isn't a valid handle — handles use only letters, digits and underscores."),
      )
      .meta(HANDLE_REF_JSON);
  }
  return z
    .string({ error: `Enter the ${field}'s handle.` })
    .transform(asHandleRef)
    .pipe(
      z
        .string()
        .min(1, `Enter the ${field}'s handle.`)
        .regex(/^[a-z0-9_]{3,30}$/, `That doesn't look like a handle: use 3–30 letters, digits or underscores, like @ana.`),
    )
    .meta(HANDLE_REF_JSON);
}

export const ZEmail = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like ana@example.com."));

export const ZPassword = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const ZDisplayName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(80, "Keep your name under 80 characters.")
  // a line break in a name would let it add headers to the emails that carry it
  .refine((v) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(v), "Keep your name on one line, without control characters.");

export const ZSignup = z.strictObject({
  email: ZEmail,
  password: ZPassword,
  handle: ZHandle,
  name: ZDisplayName,
  timeZone: ZBrowserTimeZone,
  dateLocale: ZBrowserDateLocale,
});
export type TSignupInput = z.input<typeof ZSignup>;

export const ZSignin = z.strictObject({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TSigninInput = z.input<typeof ZSignin>;

const optionalUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(300, `Keep the ${label} link under 300 characters.`)
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), `The ${label} link must start with http:// or https://.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const PROFILE_LINKS = [
  { key: "linkX", label: "X/Twitter" },
  { key: "linkLinkedin", label: "LinkedIn" },
  { key: "linkMastodon", label: "Mastodon" },
  { key: "linkBluesky", label: "Bluesky" },
  { key: "linkGithub", label: "GitHub" },
  { key: "linkWebsite", label: "Website" },
] as const;

export const ZProfileUpdate = z.strictObject({
  name: ZDisplayName.optional(),
  headline: z.string().trim().max(120, "Keep your headline under 120 characters.").optional(),
  bio: z.string().trim().max(1000, "Keep your bio under 1,000 characters.").optional(),
  location: z
    .string()
    .trim()
    .max(80, "Keep your location under 80 characters.")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  linkX: optionalUrl("X/Twitter"),
  linkLinkedin: optionalUrl("LinkedIn"),
  linkMastodon: optionalUrl("Mastodon"),
  linkBluesky: optionalUrl("Bluesky"),
  linkGithub: optionalUrl("GitHub"),
  linkWebsite: optionalUrl("website"),
  topics: ZTopics.optional(),
  discoverable: z.boolean().optional().meta({ description: "False: leave me out of search and suggestions." }),
  timeZone: ZTimeZone.optional(),
  dateLocale: ZDateLocale.optional(),
});
export type TProfileUpdateInput = z.input<typeof ZProfileUpdate>;

/** The opt-in, in Settings → Account and `PATCH /me`. */
export const ZFindInteractions = z.boolean({ error: "Choose on (true) or off (false)." }).meta({
  description:
    "Found for you: Rapport reads your own public posts on Bluesky and Mastodon (where your account is verified) for replies to and mentions of members with verified accounts there, and offers them to you for logging on /interactions.",
});

/**
 * `PATCH /me`: the profile fields, and linked accounts. Setting a Bluesky handle starts linking
 * it (you get a one-time code); setting the same handle again checks the code; null unlinks.
 * GitHub: a login starts linking (a one-time code), a gist's address holding it verifies; or the
 * GitHub sign-in in one step.
 */
export const ZMeUpdate = ZProfileUpdate.extend({
  findInteractions: ZFindInteractions.optional(),
  linkedAccounts: z
    .strictObject({
      bluesky: z
        .string({ error: "Enter your Bluesky handle, like grace.bsky.social (or null to unlink)." })
        .trim()
        .max(253, "A Bluesky handle is at most 253 characters.")
        .nullable()
        .optional()
        .meta({ description: "Your Bluesky handle; null unlinks." }),
      mastodon: z
        .string({ error: "Enter your Mastodon address, like @grace@mastodon.social (or null to unlink)." })
        .trim()
        .max(300, "A Mastodon address is at most 300 characters.")
        .nullable()
        .optional()
        .meta({ description: "Your Mastodon address, @user@instance; null unlinks." }),
      github: z
        .union(
          [
            z.strictObject({ login: z.string().trim().min(1).max(40).meta({ description: "Your GitHub username: starts linking, gives a one-time code." }) }),
            z.strictObject({ gistUrl: z.string().trim().min(1).max(300).meta({ description: "The address of a gist of yours holding the code: verifies." }) }),
            z.strictObject({ useSignIn: z.literal(true).meta({ description: "Link the GitHub account you sign in to Rapport with." }) }),
          ],
          { error: 'Send {"login": "octocat"}, then {"gistUrl": "https://gist.github.com/…"}; or {"useSignIn": true} (or null to unlink).' },
        )
        .nullable()
        .optional()
        .meta({ description: "Your GitHub account: `{login}` then `{gistUrl}`, or `{useSignIn: true}`; null unlinks." }),
    })
    .optional(),
});
export type TMeUpdateInput = z.input<typeof ZMeUpdate>;
