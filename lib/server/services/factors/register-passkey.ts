import "server-only";
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Db } from "@/lib/db/create-client";
import type { RelyingParty } from "@/lib/server/auth/webauthn-party";
import { AppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockMember } from "@/lib/server/services/locks";
import { parseInput } from "@/lib/server/validation";
import { ZPasskeyRegister, type TPasskeyRegisterInput } from "@/lib/validation/factors";
import { challengeOf, consumeChallenge, storeChallenge } from "./challenges";
import { auditRefusal } from "./refuse";
import { confirmOwner } from "./confirm-owner";
import { replaceRecoveryCodes } from "./recovery-codes";

/** Enough for every device a person owns, few enough to review at a glance. */
export const MAX_PASSKEYS = 20;

const REFUSED = "That passkey couldn't be added. Please try again.";

/**
 * Options for the browser's navigator.credentials.create(): a discoverable credential (so it
 * can sign in without an email), user verification required, no attestation (we trust the
 * key, not a vendor's certificate). The challenge is kept server-side for this member.
 */
export async function startPasskeyRegistration(db: Db, { memberId, rp, now }: { memberId: string; rp: RelyingParty; now: Date }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { email: true, name: true, passkeys: { select: { id: true, transports: true } } } });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: member.email,
    userDisplayName: member.name,
    userID: new TextEncoder().encode(memberId),
    attestationType: "none",
    excludeCredentials: member.passkeys.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
  await db.$transaction((tx) => storeChallenge(tx, { challenge: options.challenge, purpose: "register", memberId, now }));
  return options;
}

/** `recoveryCodes`: the first factor brings ten, shown once; null when the member has some. */
export type AddedPasskey = { id: string; name: string; createdAt: Date; recoveryCodes: string[] | null };

/** After the password (confirm-owner.ts): verifies the browser's answer against the stored challenge and keeps the credential. */
export async function finishPasskeyRegistration(
  db: Db,
  { memberId, input, rp, ip, now }: { memberId: string; input: TPasskeyRegisterInput; rp: RelyingParty; ip: string; now: Date },
): Promise<AddedPasskey> {
  const { name, response, password } = parseInput(ZPasskeyRegister, input);
  await confirmOwner(db, { memberId, password, ip, now });
  const challenge = challengeOf(response.response.clientDataJSON);
  const refuse = async (reason: string, detail?: string): Promise<never> => {
    await db.$transaction((tx) => auditRefusal(tx, { memberId, factor: "passkey", reason, now, detail }));
    throw new AppError("validation", REFUSED, { fields: { passkey: [REFUSED] } });
  };
  if (!challenge || !(await consumeChallenge(db, { challenge, purpose: "register", memberId, now }))) return refuse("unknown_challenge");
  let info;
  try {
    const verified = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
    if (!verified.verified) return refuse("not_verified");
    info = verified.registrationInfo;
  } catch (e) {
    return refuse("invalid_response", e instanceof Error ? e.message : String(e));
  }
  const { credential } = info;
  return db.$transaction(async (tx) => {
    await lockMember(tx, memberId);
    if ((await tx.passkey.count({ where: { memberId } })) >= MAX_PASSKEYS) {
      throw new AppError("conflict", `You already have ${MAX_PASSKEYS} passkeys, the most allowed. Remove one you no longer use first.`);
    }
    if (await tx.passkey.findUnique({ where: { id: credential.id }, select: { id: true } })) {
      throw new AppError("conflict", "This passkey is already registered.");
    }
    const row = await tx.passkey.create({
      data: {
        id: credential.id,
        memberId,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: (credential.transports ?? []).slice(0, 10),
        name,
        createdAt: now,
      },
      select: { id: true, name: true, createdAt: true },
    });
    await recordAudit(tx, { actorId: memberId, action: "factor.passkey_added", subjectType: "passkey", subjectId: row.id, data: { name }, at: now });
    const hasCodes = (await tx.recoveryCode.count({ where: { memberId, usedAt: null } })) > 0;
    return { ...row, recoveryCodes: hasCodes ? null : await replaceRecoveryCodes(tx, { memberId, now }) };
  });
}
