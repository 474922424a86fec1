import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/auth/password";
import { parseInput } from "@/lib/server/validation";
import { ZChangePassword, type TChangePasswordInput } from "@/lib/validation/account";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { confirmPassword } from "./confirm-password";
import { endAllSessions } from "./end-sessions";

/**
 * Changes the member's password, or sets one for an account made with OAuth. With a password
 * already set, the current one is required, and wrong guesses are throttled like sign-in (per
 * account and per network; confirm-password.ts). Every other
 * session ends; the new session version is returned for re-issuing this browser's cookie.
 */
export async function changePassword(
  db: Db,
  { memberId, input, ip, now }: { memberId: string; input: TChangePasswordInput; ip: string; now: Date },
): Promise<{ sessionVersion: number; set: boolean }> {
  const { currentPassword, newPassword } = parseInput(ZChangePassword, input);
  const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { passwordHash: true } });
  const hadPassword = member.passwordHash !== null;
  if (hadPassword) {
    if (!currentPassword) throw new AppError("validation", "Enter your current password.", { fields: { currentPassword: ["Enter your current password."] } });
    await confirmPassword(db, { memberId, passwordHash: member.passwordHash!, password: currentPassword, field: "currentPassword", ip, now });
  }
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    // Compare-and-set: a password changed in between (another tab) makes this one fail, not overwrite it.
    const { count } = await tx.member.updateMany({ where: { id: memberId, passwordHash: member.passwordHash }, data: { passwordHash } });
    if (count === 0) throw new AppError("conflict", "Your password was changed in the meantime. Reload the page and try again.");
    const sessionVersion = await endAllSessions(tx, memberId);
    await recordAudit(tx, { actorId: memberId, action: hadPassword ? "account.password_changed" : "account.password_set", subjectType: "member", subjectId: memberId, at: now });
    return { sessionVersion, set: !hadPassword };
  });
}
