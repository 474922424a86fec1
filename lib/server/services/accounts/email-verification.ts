import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { emailChangedNotice, verifyEmailMessage } from "@/lib/email/messages";
import { absoluteUrl } from "@/lib/server/email/config";
import { queueEmail } from "@/lib/server/email/outbox";
import { consumeEmailToken, issueEmailToken } from "@/lib/server/email/tokens";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { parseInput } from "@/lib/server/validation";
import { ZChangeEmail, type TChangeEmail } from "@/lib/validation/email";
import { checkThrottle, lockThrottleKey, recordAttempt } from "./throttle";

/** Verification emails per account and hour (sign-up's own counts). */
export const VERIFY_MAX_PER_HOUR = 3;

/**
 * Writes a verification link for `email` into the outbox, in the caller's transaction: for
 * the member's own address (sign-up, "resend") or a new one (change of address, which takes
 * effect only when the link is opened).
 */
export async function queueVerification(tx: Tx, o: { member: { id: string; name: string }; email: string; isChange: boolean; now: Date }): Promise<void> {
  const token = await issueEmailToken(tx, { memberId: o.member.id, purpose: "verify_email", email: o.email, now: o.now });
  await queueEmail(tx, {
    key: `verify-email:${token.slice(0, 16)}`,
    memberId: o.member.id,
    to: o.email,
    category: "account",
    message: verifyEmailMessage({ name: o.member.name, link: absoluteUrl(`/verify-email?token=${encodeURIComponent(token)}`), isChange: o.isChange }),
    now: o.now,
  });
  await recordAttempt(tx, "verify_email", o.member.id, true, o.now);
}

/** The banner's "resend": a new link to the current address, at most 3 an hour. */
export async function resendVerification(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockThrottleKey(tx, "verify_email", memberId);
    const member = await tx.member.findUnique({ where: { id: memberId }, select: { id: true, name: true, email: true, emailVerifiedAt: true } });
    if (!member) throw new AppError("not_found", "This account no longer exists.");
    if (member.emailVerifiedAt) return;
    const rule = { kind: "verify_email", key: memberId, max: VERIFY_MAX_PER_HOUR, windowMinutes: 60 };
    await checkThrottle(tx, rule, now, "We have sent several links in the last hour. Please check your inbox (and spam folder), or try again later.");
    await queueVerification(tx, { member, email: member.email, isChange: false, now });
  });
}

export const INVALID_VERIFY_LINK = "This confirmation link has expired or was already used. Sign in and ask for a new one.";

/**
 * Opens a verification link (a POST from /verify-email, never the GET). For the member's own
 * address it marks it verified; for a new address it becomes the account's address, verified,
 * and the old address is told. Expired, used or forged links change nothing.
 */
export async function verifyEmail(db: Db, { token, now }: { token: string; now: Date }): Promise<{ memberId: string; changed: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      const used = await consumeEmailToken(tx, { token, purpose: "verify_email", now });
      const member = used && (await tx.member.findUnique({ where: { id: used.memberId }, select: { id: true, name: true, email: true } }));
      if (!used || !member) throw new AppError("validation", INVALID_VERIFY_LINK, { fields: { token: [INVALID_VERIFY_LINK] } });
      if (member.email === used.email) {
        await tx.member.update({ where: { id: member.id }, data: { emailVerifiedAt: now } });
        await recordAudit(tx, { actorId: member.id, action: "account.email_verified", subjectType: "member", subjectId: member.id, at: now });
        return { memberId: member.id, changed: false };
      }
      await tx.member.update({ where: { id: member.id }, data: { email: used.email, emailVerifiedAt: now } });
      await queueEmail(tx, {
        key: `email-changed:${member.id}:${now.getTime()}`,
        memberId: member.id,
        to: member.email,
        category: "account",
        message: emailChangedNotice({ name: member.name, newEmail: used.email }),
        now,
      });
      await recordAudit(tx, { actorId: member.id, action: "account.email_changed", subjectType: "member", subjectId: member.id, at: now });
      return { memberId: member.id, changed: true };
    });
  } catch (e) {
    if (isUniqueViolation(e, "email")) throw new AppError("already_exists", "Another account took this address in the meantime, so we kept your old one.");
    throw e;
  }
}

/**
 * "Change email": the new address gets a verification link; the account keeps the old one
 * until the link is opened (verifyEmail), and then the old address is told. Refused for an
 * address another account uses. Shares the resend limit (3 links an hour).
 */
export async function requestEmailChange(db: Db, { memberId, input, now }: { memberId: string; input: TChangeEmail; now: Date }): Promise<{ email: string }> {
  const { email } = parseInput(ZChangeEmail, input);
  return db.$transaction(async (tx) => {
    await lockThrottleKey(tx, "verify_email", memberId);
    const member = await tx.member.findUnique({ where: { id: memberId }, select: { id: true, name: true, email: true } });
    if (!member) throw new AppError("not_found", "This account no longer exists.");
    if (member.email === email) throw new AppError("validation", "That is already your address.", { fields: { email: ["That is already your address."] } });
    if (await tx.member.findUnique({ where: { email }, select: { id: true } })) {
      const message = "Another account uses this address.";
      throw new AppError("already_exists", message, { fields: { email: [message] } });
    }
    const rule = { kind: "verify_email", key: memberId, max: VERIFY_MAX_PER_HOUR, windowMinutes: 60 };
    await checkThrottle(tx, rule, now, "We have sent several links in the last hour. Please try again later.");
    await queueVerification(tx, { member, email, isChange: true, now });
    return { email };
  });
}
