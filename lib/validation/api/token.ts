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

/** The settings page: a signed-in member names a new token. */
export const ZTokenCreate = z.strictObject({ name: ZTokenName });
export type TTokenCreateInput = z.input<typeof ZTokenCreate>;

/** `POST /api/v1/tokens`: email and password (checked and throttled like a sign-in) and a name. */
export const ZTokenCreateWithPassword = ZSignin.extend({ name: ZTokenName });

/** A token as listed: never its secret. */
export const ZTokenOut = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first 8 characters after `rpt_`, to tell tokens apart." }),
    createdAt: ZInstant,
    lastUsedAt: ZInstant.nullable().meta({ description: "Updated at most once a minute." }),
  })
  .meta({ id: "Token" });

/** The answer to creating a token: the only time its secret is shown. */
export const ZTokenCreated = ZTokenOut.extend({
  token: z.string().meta({ description: "The secret, shown once: send it as `Authorization: Bearer <token>`." }),
}).meta({ id: "TokenCreated" });
