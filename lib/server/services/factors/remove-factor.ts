import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockMember } from "@/lib/server/services/locks";
import { parseInput } from "@/lib/server/validation";
import { ZRemoveFactor, type TRemoveFactorInput } from "@/lib/validation/factors";
import { confirmOwner } from "./confirm-owner";


/**
 * Removes a passkey or the authenticator app, after the password (confirm-owner.ts). When no
 * factor is left, the recovery codes go too — they only stand in for one. (Recovery codes are
 * replaced, not removed: generateRecoveryCodes.)
 */
export async function removeFactor(db: Db, { memberId, input, ip, now }: { memberId: string; input: TRemoveFactorInput; ip: string; now: Date }): Promise<{ removed: string }> {
  const parsed = parseInput(ZRemoveFactor, input);
  await confirmOwner(db, { memberId, password: parsed.password, ip, now });
  return db.$transaction(async (tx) => {
    await lockMember(tx, memberId);
    let removed: string;
    if (parsed.factor === "passkey") {
      const row = await tx.passkey.findFirst({ where: { id: parsed.id, memberId }, select: { id: true, name: true } });
      if (!row) throw new AppError("not_found", "That passkey is no longer on your account.");
      await tx.passkey.delete({ where: { id: row.id } });
      await recordAudit(tx, { actorId: memberId, action: "factor.passkey_removed", subjectType: "passkey", subjectId: row.id, data: { name: row.name }, at: now });
      removed = `Passkey “${row.name}” removed.`;
    } else {
      const { count } = await tx.totpFactor.deleteMany({ where: { memberId } });
      if (count === 0) throw new AppError("not_found", "You don't use an authenticator app.");
      await recordAudit(tx, { actorId: memberId, action: "factor.totp_removed", subjectType: "member", subjectId: memberId, at: now });
      removed = "Authenticator app removed.";
    }
    const left = (await tx.passkey.count({ where: { memberId } })) + (await tx.totpFactor.count({ where: { memberId, confirmedAt: { not: null } } }));
    if (left === 0) await tx.recoveryCode.deleteMany({ where: { memberId } });
    return { removed };
  });
}
