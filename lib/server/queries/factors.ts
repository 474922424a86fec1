import "server-only";
import type { Tx } from "@/lib/server/db";

export type FactorSummary = {
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  totp: { confirmedAt: Date; lastUsedAt: Date | null } | null;
  recoveryCodes: { left: number; total: number; createdAt: Date | null; lastUsedAt: Date | null };
};

/** What /settings/security lists: never a key, a secret or a code. */
export async function listFactors(db: Tx, { memberId }: { memberId: string }): Promise<FactorSummary> {
  const [passkeys, totp, codes] = await Promise.all([
    db.passkey.findMany({ where: { memberId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, createdAt: true, lastUsedAt: true } }),
    db.totpFactor.findUnique({ where: { memberId }, select: { confirmedAt: true, lastUsedAt: true } }),
    db.recoveryCode.findMany({ where: { memberId }, select: { usedAt: true, createdAt: true } }),
  ]);
  const used = codes.map((c) => c.usedAt).filter((d): d is Date => d !== null);
  return {
    passkeys,
    totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt, lastUsedAt: totp.lastUsedAt } : null,
    recoveryCodes: {
      left: codes.length - used.length,
      total: codes.length,
      createdAt: codes[0]?.createdAt ?? null,
      lastUsedAt: used.length ? new Date(Math.max(...used.map((d) => d.getTime()))) : null,
    },
  };
}

/** Which second factors the member has turned on (a passkey, a confirmed authenticator app). */
export async function secondFactorsOf(db: Tx, memberId: string): Promise<{ passkey: boolean; totp: boolean; recovery: boolean; any: boolean }> {
  const [passkeys, totp, codes] = await Promise.all([
    db.passkey.count({ where: { memberId } }),
    db.totpFactor.count({ where: { memberId, confirmedAt: { not: null } } }),
    db.recoveryCode.count({ where: { memberId, usedAt: null } }),
  ]);
  return { passkey: passkeys > 0, totp: totp > 0, recovery: codes > 0, any: passkeys > 0 || totp > 0 };
}
