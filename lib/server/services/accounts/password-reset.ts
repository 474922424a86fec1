import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/auth/password";
import { parseInput } from "@/lib/server/validation";
import { passwordResetMessage } from "@/lib/email/messages";
import { absoluteUrl } from "@/lib/server/email/config";
import { queueEmail } from "@/lib/server/email/outbox";
import { consumeEmailToken, emailTokenUsable, issueEmailToken, TOKEN_TTL_MINUTES } from "@/lib/server/email/tokens";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { ZPasswordResetConfirm, ZPasswordResetRequest, type TPasswordResetConfirm, type TPasswordResetRequest } from "@/lib/validation/email";
import { endAllSessions } from "./end-sessions";
import { lockThrottleKey, recordAttempt } from "./throttle";

const envInt = (name: string, fallback: number) => {
  const v = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** Reset emails per hour: per address asked for, and per account (several spellings reach one account). */
export const RESET_THROTTLES = {
  perAddress: () => envInt("RAPPORT_RESET_MAX_PER_ADDRESS", 3),
  perAccount: () => envInt("RAPPORT_RESET_MAX_PER_ACCOUNT", 5),
};

async function underLimit(tx: Parameters<typeof recordAttempt>[0], kind: string, key: string, max: number, now: Date): Promise<boolean> {
  await lockThrottleKey(tx, kind, key);
  const since = new Date(now.getTime() - 60 * 60_000);
  const used = await tx.authAttempt.count({ where: { kind, key, createdAt: { gt: since } } });
  if (used >= max) return false;
  await recordAttempt(tx, kind, key, true, now);
  return true;
}

/**
 * Emails a single-use reset link (valid 30 minutes) if the address has an account. The caller
 * answers the same whatever happened — no account, throttled, or sent — so the answer does
 * not tell who is a member. Over a limit, nothing more is sent until the hour has passed.
 */
export async function requestPasswordReset(db: Db, { input, now }: { input: TPasswordResetRequest; now: Date }): Promise<void> {
  const { email } = parseInput(ZPasswordResetRequest, input);
  await db.$transaction(async (tx) => {
    if (!(await underLimit(tx, "reset_address", email, RESET_THROTTLES.perAddress(), now))) return;
    const member = await tx.member.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
    if (!member) return;
    if (!(await underLimit(tx, "reset_account", member.id, RESET_THROTTLES.perAccount(), now))) return;
    const token = await issueEmailToken(tx, { memberId: member.id, purpose: "password_reset", email: member.email, now });
    const link = absoluteUrl(`/reset-password?token=${encodeURIComponent(token)}`);
    await queueEmail(tx, {
      key: `password-reset:${token.slice(0, 16)}`,
      memberId: member.id,
      to: member.email,
      category: "account",
      message: passwordResetMessage({ name: member.name, link, minutes: TOKEN_TTL_MINUTES.password_reset }),
      now,
    });
  });
}

export const INVALID_RESET_LINK = "This reset link has expired or was already used. Ask for a new one.";

/**
 * Sets a new password from a reset link: the token is used up, every other reset link of the
 * account stops working, every session ends, and the reset is audited — all in one
 * transaction, so an expired, used or forged token changes nothing.
 */
export async function resetPassword(db: Db, { input, now }: { input: TPasswordResetConfirm; now: Date }): Promise<{ memberId: string }> {
  const data = parseInput(ZPasswordResetConfirm, input);
  const invalid = () => new AppError("validation", INVALID_RESET_LINK, { fields: { token: [INVALID_RESET_LINK] } });
  // A forged or spent token costs one indexed read, not an argon2 hash (checked again below, atomically).
  if (!(await emailTokenUsable(db, { token: data.token, purpose: "password_reset", now }))) throw invalid();
  const passwordHash = await hashPassword(data.password); // before the transaction: ~50 ms of CPU
  return db.$transaction(async (tx) => {
    const used = await consumeEmailToken(tx, { token: data.token, purpose: "password_reset", now });
    const member = used && (await tx.member.findUnique({ where: { id: used.memberId }, select: { id: true, email: true } }));
    // A link sent to an address the account no longer uses does not reset it.
    if (!used || !member || member.email !== used.email) throw invalid();
    await tx.member.update({
      where: { id: member.id },
      // the link reached this address, so the address is proven too
      data: { passwordHash, emailVerifiedAt: now },
    });
    await tx.emailToken.updateMany({ where: { memberId: member.id, purpose: "password_reset", usedAt: null }, data: { usedAt: now } });
    await endAllSessions(tx, member.id);
    await recordAudit(tx, { actorId: member.id, action: "account.password_reset", subjectType: "member", subjectId: member.id, at: now });
    return { memberId: member.id };
  });
}
