import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockMember } from "@/lib/server/services/locks";
import { AppError } from "@/lib/server/errors";
import { confirmOwner } from "./confirm-owner";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"; // base32: no 0/1/8/9 to confuse with letters

/**
 * Recovery codes are 16 random base32 characters (80 bits), shown as "abcd-efgh-ijkl-mnop".
 * Stored as SHA-256: with 80 bits of randomness a slow hash adds nothing (no dictionary to
 * try, 2^80 guesses offline), and a plain digest lets a code be found and spent with one
 * conditional update. Passwords keep argon2, since people choose those.
 */
export const hashRecoveryCode = (normalised: string) => crypto.createHash("sha256").update(`rapport-recovery:${normalised}`).digest("hex");

function newCode(): string {
  const bytes = crypto.randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/**
 * After the password (confirm-owner.ts), replaces the member's recovery codes with ten new
 * ones, returned here and never again. Only for a member with a factor: alone they guard nothing.
 */
export async function generateRecoveryCodes(db: Db, { memberId, password, ip, now }: { memberId: string; password: string | undefined; ip: string; now: Date }): Promise<string[]> {
  await confirmOwner(db, { memberId, password, ip, now });
  return db.$transaction(async (tx) => {
    const factors = (await tx.passkey.count({ where: { memberId } })) + (await tx.totpFactor.count({ where: { memberId, confirmedAt: { not: null } } }));
    if (factors === 0) throw new AppError("conflict", "Add a passkey or an authenticator app first: recovery codes stand in for one.");
    return replaceRecoveryCodes(tx, { memberId, now });
  });
}

export async function replaceRecoveryCodes(tx: Tx, { memberId, now }: { memberId: string; now: Date }): Promise<string[]> {
  await lockMember(tx, memberId);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { memberId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ memberId, codeHash: hashRecoveryCode(c.replace(/-/g, "")), createdAt: now })) });
  await recordAudit(tx, { actorId: memberId, action: "factor.recovery_codes_generated", subjectType: "member", subjectId: memberId, data: { count: codes.length }, at: now });
  return codes;
}

/**
 * Spends one code: a conditional update on an unused code of this member's, so the same code
 * sent twice at once is accepted once. Returns how many codes are left, or null (wrong or used).
 */
export async function spendRecoveryCode(tx: Tx, { memberId, code, now }: { memberId: string; code: string; now: Date }): Promise<number | null> {
  const { count } = await tx.recoveryCode.updateMany({ where: { memberId, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
  if (count !== 1) return null;
  const left = await tx.recoveryCode.count({ where: { memberId, usedAt: null } });
  await recordAudit(tx, { actorId: memberId, action: "factor.recovery_code_used", subjectType: "member", subjectId: memberId, data: { left }, at: now });
  return left;
}
