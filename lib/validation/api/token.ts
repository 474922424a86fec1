import { z } from "zod";
import { ZSignin } from "@/lib/validation/member";
import { ZInstant } from "./common";

export const TOKEN_NAME_MAX = 60;

/** What the token is for, so its owner recognises it later ("CI bot", "my laptop script"). */
export const ZTokenName = z
  .string({ error: "Name your token, e.g. “CI bot” — the name helps you recognise it later." })
  .trim()
  .min(1, "Name your token, e.g. “CI bot” — the name helps you recognise it later.")
  .max(TOKEN_NAME_MAX, `Keep the token name under ${TOKEN_NAME_MAX} characters.`);

/**
 * What a token may do. Each API operation names the one scope it needs
 * (lib/server/api/spec/*); a browser session is not limited by scopes.
 */
export const TOKEN_SCOPES = ["read", "write:content", "write:requests", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** In words, for the settings page, the README and the OpenAPI document. */
export const SCOPE_DESCRIPTIONS: Record<TokenScope, string> = {
  read: "Read everything you can see: profiles, posts, relationships, requests, notifications, your own account.",
  "write:content": "Publish and tidy up: posts, comments, reactions, shares, kudos, reports, your profile and protocol, notifications and email preferences, blocks, revoking tokens, deleting the account (password required).",
  "write:requests": "The relationship workflow: logging and answering interactions, sending and answering connection requests, introductions, removing connections.",
  admin: "Administration, for administrators only. Nothing in Rapport needs it yet, so you can leave it unticked.",
};

/** What tokens made before scopes existed may do, and what POST /tokens gives when `scopes` is left out. */
export const LEGACY_SCOPES: readonly TokenScope[] = ["read", "write:content", "write:requests"];

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
/** The choices the settings page offers; the API takes any whole number of days up to a year, or "never". */
export const TOKEN_EXPIRY_CHOICES = ["7", "30", "90", "365", "never"] as const;

const SCOPE_MESSAGE = `Choose what the token may do: ${TOKEN_SCOPES.join(", ")}.`;
export const ZTokenScopes = z
  .array(z.enum(TOKEN_SCOPES, { error: SCOPE_MESSAGE }), { error: SCOPE_MESSAGE })
  .min(1, "Choose at least one thing the token may do — usually “read”.")
  .max(TOKEN_SCOPES.length, SCOPE_MESSAGE)
  // One of each, in a fixed order, so two tokens with the same rights read the same.
  .transform((list) => TOKEN_SCOPES.filter((s) => list.includes(s)))
  .meta({ description: `What the token may do (${TOKEN_SCOPES.join(", ")}); \`admin\` is for administrators only.` });

const EXPIRY_MESSAGE = `Choose when the token expires: a number of days from 1 to ${MAX_TOKEN_DAYS}, or "never".`;
export const ZTokenExpiry = z
  .union([z.literal("never"), z.number().int().min(1).max(MAX_TOKEN_DAYS)], { error: EXPIRY_MESSAGE })
  .meta({ description: `Days until the token stops working (1–${MAX_TOKEN_DAYS}), or "never" (not recommended). Default ${DEFAULT_TOKEN_DAYS}.` });

/** The settings page: a signed-in member names a new token, picks its scopes and its lifetime. */
export const ZTokenCreate = z.strictObject({
  name: ZTokenName,
  scopes: ZTokenScopes.default([...LEGACY_SCOPES]),
  expiresInDays: ZTokenExpiry.default(DEFAULT_TOKEN_DAYS),
});
export type TTokenCreateInput = z.input<typeof ZTokenCreate>;

/** `POST /api/v1/tokens`: email and password (checked and throttled like a sign-in), a name, and optionally scopes and expiry. */
export const ZTokenCreateWithPassword = ZSignin.extend({
  name: ZTokenName,
  scopes: ZTokenScopes.optional(),
  expiresInDays: ZTokenExpiry.optional(),
});

/** A token as listed: never its secret. */
export const ZTokenOut = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first 8 characters after `rpt_`, to tell tokens apart." }),
    createdAt: ZInstant,
    lastUsedAt: ZInstant.nullable().meta({ description: "Updated at most once a minute." }),
    lastUsedIp: z.string().nullable().meta({ description: "The address the token was last used from (updated with lastUsedAt)." }),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    expiresAt: ZInstant.nullable().meta({ description: "When the token stops working; null: never." }),
  })
  .meta({ id: "Token" });

/** The answer to creating a token: the only time its secret is shown. */
export const ZTokenCreated = ZTokenOut.extend({
  token: z.string().meta({ description: "The secret, shown once: send it as `Authorization: Bearer <token>`." }),
}).meta({ id: "TokenCreated" });
