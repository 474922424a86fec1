import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { DELETION_GRACE_DAYS, ZDeleteAccount, type TDeleteAccountInput } from "@/lib/validation/account";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { confirmPassword } from "./confirm-password";
import { endAllSessions } from "./end-sessions";

const DAY_MS = 86_400_000;

/**
 * "Delete my account": with the password, the account is set to be erased in 14 days (the
 * accounts.erase job does it). Until then the profile says the member is leaving and takes no
 * new connection requests; signing in again cancels it (sign-in.ts). Every session ends now.
 * Asking twice keeps the first date. An account without a password (made with OAuth) sets one
 * first, so a left-open browser alone cannot delete it.
 */
export async function requestAccountDeletion(
  db: Db,
  { memberId, input, ip, now }: { memberId: string; input: TDeleteAccountInput; ip: string; now: Date },
): Promise<{ deleteAt: Date; sessionVersion: number }> {
  const { password } = parseInput(ZDeleteAccount, input);
  const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { passwordHash: true } });
  if (!member.passwordHash) {
    throw new AppError("validation", "Set a password first (Settings → Account), then confirm with it.", { fields: { password: ["Set a password first, then confirm with it."] } });
  }
  await confirmPassword(db, { memberId, passwordHash: member.passwordHash, password, field: "password", ip, now });
  return db.$transaction(async (tx) => {
    const deleteAt = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS);
    await tx.member.updateMany({ where: { id: memberId, deleteAt: null }, data: { deletionRequestedAt: now, deleteAt } });
    const m = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: { deleteAt: true } });
    const sessionVersion = await endAllSessions(tx, memberId);
    await recordAudit(tx, { actorId: memberId, action: "account.deletion_requested", subjectType: "member", subjectId: memberId, data: { deleteAt: m.deleteAt!.toISOString() }, at: now });
    return { deleteAt: m.deleteAt!, sessionVersion };
  });
}
