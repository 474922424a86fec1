import "server-only";
import { Secret, TOTP } from "otpauth";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { openSecret, sealSecret } from "@/lib/server/auth/factor-seal";
import { AppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockMember } from "@/lib/server/services/locks";
import { parseInput } from "@/lib/server/validation";
import { ZTotpCode } from "@/lib/validation/factors";
import { auditRefusal } from "./refuse";
import { confirmOwner } from "./confirm-owner";
import { replaceRecoveryCodes } from "./recovery-codes";

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
const PERIOD = 30;
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const WINDOW = 1;

const totpFor = (secret: string, label = "") => new TOTP({ issuer: "Rapport", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/**
 * The 30-second step a code is valid for, or null. Accepted steps must move forward: a code
 * for the last step used (or an earlier one) is refused, so a code seen over a shoulder or in
 * a log cannot be used again within its window.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now.getTime() }) + delta;
}

export type TotpEnrolment = { secret: string; uri: string };

/**
 * Starts (or restarts) adding an authenticator app: a new secret, sealed in the database and
 * shown to the member now only — as a QR code and as text. Not a factor until confirmed.
 */
export async function startTotpEnrolment(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<TotpEnrolment> {
  return db.$transaction(async (tx) => {
    await lockMember(tx, memberId);
    const existing = await tx.totpFactor.findUnique({ where: { memberId }, select: { confirmedAt: true } });
    if (existing?.confirmedAt) throw new AppError("conflict", "You already use an authenticator app. Remove it first to set up another.");
    const member = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: { email: true } });
    const secret = new Secret({ size: 20 }).base32;
    const sealed = sealSecret(secret);
    await tx.totpFactor.upsert({
      where: { memberId },
      create: { memberId, secretSealed: sealed, createdAt: now },
      update: { secretSealed: sealed, createdAt: now, lastUsedStep: null, lastUsedAt: null },
    });
    return { secret, uri: totpFor(secret, member.email).toString() };
  });
}

/**
 * Confirms the app with a code it shows, and the password (confirm-owner.ts): then it is a factor. The first factor also brings
 * ten recovery codes, returned here (shown once).
 */
export async function confirmTotpEnrolment(
  db: Db,
  { memberId, code, password, ip, now }: { memberId: string; code: string; password: string | undefined; ip: string; now: Date },
): Promise<{ recoveryCodes: string[] | null }> {
  const token = parseInput(ZTotpCode, code);
  await confirmOwner(db, { memberId, password, ip, now });
  return db.$transaction(async (tx) => {
    await lockMember(tx, memberId);
    const row = await tx.totpFactor.findUnique({ where: { memberId } });
    if (!row || row.confirmedAt) throw new AppError("conflict", "Start setting up the app again: that setup has ended.");
    const secret = openSecret(row.secretSealed);
    const step = secret ? matchingStep(secret, token, now) : null;
    if (step === null) throw new AppError("validation", "That code didn't match. Check the time on your phone and try the newest code.", { fields: { code: ["That code didn't match."] } });
    await tx.totpFactor.update({ where: { memberId }, data: { confirmedAt: now, lastUsedStep: step, lastUsedAt: now } });
    await recordAudit(tx, { actorId: memberId, action: "factor.totp_enabled", subjectType: "member", subjectId: memberId, at: now });
    const hasCodes = (await tx.recoveryCode.count({ where: { memberId, usedAt: null } })) > 0;
    return { recoveryCodes: hasCodes ? null : await replaceRecoveryCodes(tx, { memberId, now }) };
  });
}

/**
 * Checks a sign-in code: the step must be later than the last accepted one. The conditional
 * update is the claim, so one code sent twice at once signs in once. A refusal is audited.
 */
export async function spendTotpCode(tx: Tx, { memberId, code, now }: { memberId: string; code: string; now: Date }): Promise<"ok" | "wrong" | "reused"> {
  const row = await tx.totpFactor.findUnique({ where: { memberId } });
  if (!row?.confirmedAt) return "wrong";
  const secret = openSecret(row.secretSealed);
  const step = secret ? matchingStep(secret, code, now) : null;
  if (step === null) {
    await auditRefusal(tx, { memberId, factor: "totp", reason: secret ? "wrong_code" : "secret_unreadable", now });
    return "wrong";
  }
  const { count } = await tx.totpFactor.updateMany({
    where: { memberId, confirmedAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step, lastUsedAt: now },
  });
  if (count !== 1) {
    await auditRefusal(tx, { memberId, factor: "totp", reason: "code_reused", now });
    return "reused";
  }
  return "ok";
}
