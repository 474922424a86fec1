import "server-only";
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { AuthenticationResponseJSON, AuthenticatorTransport, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "@/lib/db/create-client";
import type { RelyingParty } from "@/lib/server/auth/webauthn-party";
import { AppError } from "@/lib/server/errors";
import { checkInput } from "@/lib/server/validation";
import { ZAuthenticationResponse } from "@/lib/validation/factors";
import { ERASING_MESSAGE, settleDeletionOnSignIn } from "@/lib/server/services/accounts/cancel-deletion";
import { reserveAttempt } from "@/lib/server/services/accounts/throttle";
import { challengeOf, consumeChallenge, storeChallenge } from "./challenges";
import { auditRefusal } from "./refuse";

/** Passkey sign-in challenges one client address may ask for per window: plenty for a household or an office behind one address. */
export const PASSKEY_CHALLENGES_PER_ADDRESS = 60;
const CHALLENGE_WINDOW_MINUTES = 15;

export const PASSKEY_REFUSED = "That passkey didn't sign you in. Please try again, or use your password.";

/**
 * Options for navigator.credentials.get() with no allowed list: the browser offers the
 * discoverable passkeys it holds for this site, so no email is asked for (and none revealed).
 */
export async function startPasskeySignIn(db: Db, { rp, ip, now }: { rp: RelyingParty; ip: string; now: Date }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  // Anyone may ask, so each address may ask a bounded number of times (the stored challenges stay few).
  const rule = { kind: "passkey:challenge", key: ip, max: PASSKEY_CHALLENGES_PER_ADDRESS, windowMinutes: CHALLENGE_WINDOW_MINUTES };
  await reserveAttempt(db, rule, now, "Too many passkey sign-ins from your network. Please wait a few minutes, or use your password.");
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "required" });
  await db.$transaction((tx) => storeChallenge(tx, { challenge: options.challenge, purpose: "signin", memberId: null, now }));
  return options;
}

export type PasskeySignInResult = { ok: true; memberId: string; sessionVersion: number; deletionCancelled: boolean } | { ok: false; error: AppError };

/**
 * Signs in with a passkey alone: its signature over a challenge this server issued (once),
 * from this site, with the user verified (PIN or biometrics) — two factors in one gesture.
 * Not subject to the password throttle: a member locked out of the password path by someone
 * else's guesses still gets in this way. A refusal is audited.
 */
export async function finishPasskeySignIn(db: Db, { input, rp, ip, now }: { input: unknown; rp: RelyingParty; ip: string; now: Date }): Promise<PasskeySignInResult> {
  const checked = checkInput(ZAuthenticationResponse, input, { message: PASSKEY_REFUSED, fields: false });
  if (!checked.ok) return checked;
  const response = checked.data;
  const refuse = async (reason: string, memberId: string | null, detail?: string): Promise<PasskeySignInResult> => {
    await db.$transaction((tx) => auditRefusal(tx, { memberId, ip, factor: "passkey", reason, credentialId: response.id, now, detail }));
    return { ok: false, error: new AppError("unauthenticated", PASSKEY_REFUSED) };
  };

  const challenge = challengeOf(response.response.clientDataJSON);
  if (!challenge || !(await consumeChallenge(db, { challenge, purpose: "signin", memberId: null, now }))) {
    const known = await db.passkey.findUnique({ where: { id: response.id }, select: { memberId: true } });
    return refuse("unknown_challenge", known?.memberId ?? null);
  }
  const passkey = await db.passkey.findUnique({ where: { id: response.id } });
  if (!passkey) return refuse("unknown_credential", null);
  const userHandle = response.response.userHandle;
  if (userHandle && Buffer.from(userHandle, "base64url").toString("utf8") !== passkey.memberId) return refuse("user_handle_mismatch", passkey.memberId);

  let newCounter: number;
  try {
    const verified = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports as AuthenticatorTransport[],
      },
    });
    if (!verified.verified) return refuse("bad_signature", passkey.memberId);
    newCounter = verified.authenticationInfo.newCounter;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return refuse(/counter/i.test(message) ? "counter_regression" : "invalid_response", passkey.memberId, message);
  }

  // The counter moves only from the value verified against: a clone racing the original loses.
  const updated = await db.passkey.updateMany({ where: { id: passkey.id, counter: passkey.counter }, data: { counter: BigInt(newCounter), lastUsedAt: now } });
  if (updated.count !== 1) return refuse("counter_race", passkey.memberId);

  const member = await db.member.findUniqueOrThrow({ where: { id: passkey.memberId }, select: { sessionVersion: true } });
  const deletion = await settleDeletionOnSignIn(db, { memberId: passkey.memberId, now });
  if (deletion === "erasing") return { ok: false, error: new AppError("unauthenticated", ERASING_MESSAGE) };
  return { ok: true, memberId: passkey.memberId, sessionVersion: member.sessionVersion, deletionCancelled: deletion === "cancelled" };
}
