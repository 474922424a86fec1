import { z } from "zod";

export const PASSKEY_NAME_MAX = 60;

/** A name the member recognises the passkey by ("MacBook Touch ID", "YubiKey"). */
export const ZPasskeyName = z
  .string({ error: "Name this passkey, e.g. “Laptop” or “Security key”." })
  .trim()
  .min(1, "Name this passkey, e.g. “Laptop” or “Security key”.")
  .max(PASSKEY_NAME_MAX, `Keep the name under ${PASSKEY_NAME_MAX} characters.`);

const b64url = z.string().max(16_384).regex(/^[A-Za-z0-9_-]*$/, "Not base64url.");

/**
 * A WebAuthn response as @simplewebauthn/browser hands it over (JSON, base64url fields). Only
 * its shape is checked here; what it proves is checked by @simplewebauthn/server.
 */
export const ZRegistrationResponse = z.looseObject({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: b64url, attestationObject: b64url, transports: z.array(z.string().max(32)).max(10).optional() }),
  clientExtensionResults: z.looseObject({}),
  authenticatorAttachment: z.string().max(32).optional(),
});

export const ZAuthenticationResponse = z.looseObject({
  id: b64url,
  rawId: b64url,
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
  clientExtensionResults: z.looseObject({}),
  authenticatorAttachment: z.string().max(32).optional(),
});

export const ZPasskeyRegister = z.object({ name: ZPasskeyName, password: z.string().max(200).optional(), response: ZRegistrationResponse });
export type TPasskeyRegisterInput = z.input<typeof ZPasskeyRegister>;

/** A six-digit code from an authenticator app; spaces are allowed ("123 456"). */
export const ZTotpCode = z
  .string({ error: "Enter the 6-digit code from your app." })
  .max(20, "Enter the 6-digit code from your app.")
  .transform((s) => s.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your app."));

/** A recovery code as shown ("abcde-fghij"); case, spaces and dashes are forgiven. */
export const ZRecoveryCode = z
  .string({ error: "Enter one of your recovery codes." })
  .max(40, "That doesn’t look like a recovery code (16 letters and digits).")
  .transform((s) => s.toLowerCase().replace(/[\s-]+/g, ""))
  .pipe(z.string().regex(/^[a-z2-7]{16}$/, "That doesn’t look like a recovery code (16 letters and digits)."));

/** The second step of a password sign-in: a code from the app, or a recovery code. */
export const ZSecondStep = z.union([z.object({ method: z.literal("totp"), code: ZTotpCode }), z.object({ method: z.literal("recovery"), code: ZRecoveryCode })]);
export type TSecondStepInput = z.input<typeof ZSecondStep>;

/** Removing a factor from /settings/security: which one, and the password (checked on the server). */
export const ZRemoveFactor = z.discriminatedUnion("factor", [
  z.object({ factor: z.literal("passkey"), id: z.string().min(1).max(1400), password: z.string().max(200) }),
  z.object({ factor: z.literal("totp"), password: z.string().max(200) }),
]);
export type TRemoveFactorInput = z.input<typeof ZRemoveFactor>;
