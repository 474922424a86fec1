import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { signInLinkMessage } from "@/lib/email/messages";
import { absoluteUrl } from "@/lib/server/email/config";
import { queueEmail } from "@/lib/server/email/outbox";
import { consumeEmailToken, issueEmailToken, TOKEN_TTL_MINUTES } from "@/lib/server/email/tokens";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { ZSignInLinkRequest, type TSignInLinkRequest } from "@/lib/validation/email";
import type { Tx } from "@/lib/server/db";
import { lockThrottleKey, recordAttempt } from "./throttle";
import { ERASING_MESSAGE, settleAfterFirstFactor } from "./cancel-deletion";

const envInt = (name: string, fallback: number) => {
  const v = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/**
 * Sign-in link emails per hour: per account (bounds how much an attacker can fill the owner's
 * inbox; the links they trigger still go to the owner, so they cannot use them) and per
 * requesting address.
 */
export const SIGNIN_LINK_THROTTLES = {
  perAccount: () => envInt("RAPPORT_SIGNIN_LINK_MAX_PER_ACCOUNT", 5),
  perIp: () => envInt("RAPPORT_SIGNIN_LINK_MAX_PER_IP", 10),
};

async function underLimit(tx: Tx, kind: string, key: string, max: number, now: Date): Promise<boolean> {
  await lockThrottleKey(tx, kind, key);
  const used = await tx.authAttempt.count({ where: { kind, key, createdAt: { gt: new Date(now.getTime() - 60 * 60_000) } } });
  if (used >= max) return false;
  await recordAttempt(tx, kind, key, true, now);
  return true;
}

export const SIGNIN_LINK_SENT_MESSAGE =
  "If an account uses this address, we have sent it a sign-in link. It works once, for 15 minutes. " +
  "Nothing arriving? Check your spam folder, or ask again in a few minutes.";

/**
 * Emails a one-time sign-in link (15 minutes; only its hash is stored, in email_token) if
 * the address has an account. The caller answers the same whatever happened, so the answer
 * does not tell who is a member. It does not consult the password throttle: that guards the
 * password path only, and this is how the owner gets in while it is closed.
 */
export async function requestSignInLink(db: Db, { input, ip, now }: { input: TSignInLinkRequest; ip: string; now: Date }): Promise<void> {
  const { email } = parseInput(ZSignInLinkRequest, input);
  await db.$transaction(async (tx) => {
    if (!(await underLimit(tx, "signin_link_ip", ip, SIGNIN_LINK_THROTTLES.perIp(), now))) return;
    const member = await tx.member.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
    if (!member) return;
    if (!(await underLimit(tx, "signin_link_account", member.id, SIGNIN_LINK_THROTTLES.perAccount(), now))) return;
    const token = await issueEmailToken(tx, { memberId: member.id, purpose: "signin_link", email: member.email, now });
    await queueEmail(tx, {
      key: `signin-link:${token.slice(0, 16)}`,
      memberId: member.id,
      to: member.email,
      category: "account",
      message: signInLinkMessage({ name: member.name, link: absoluteUrl(`/signin/link?token=${encodeURIComponent(token)}`), minutes: TOKEN_TTL_MINUTES.signin_link }),
      now,
    });
  });
}

export const INVALID_SIGNIN_LINK = "This sign-in link has expired or was already used. Ask for a new one.";

/**
 * Signs in with a link from the email: the token is used up (once, atomically), the link must
 * have gone to the account's current address, and the sign-in is audited. Like any sign-in it
 * keeps an account its owner asked to delete. The address is proven by the click.
 */
export async function signInWithLink(db: Db, { token, now }: { token: string; now: Date }): Promise<{ memberId: string; sessionVersion: number; deletionCancelled: boolean; secondFactor: boolean }> {
  const invalid = () => new AppError("validation", INVALID_SIGNIN_LINK, { fields: { token: [INVALID_SIGNIN_LINK] } });
  if (typeof token !== "string" || token.length < 20 || token.length > 200) throw invalid();
  const member = await db.$transaction(async (tx) => {
    const used = await consumeEmailToken(tx, { token, purpose: "signin_link", now });
    const m = used && (await tx.member.findUnique({ where: { id: used.memberId }, select: { id: true, email: true, sessionVersion: true, emailVerifiedAt: true } }));
    if (!used || !m || m.email !== used.email) throw invalid();
    if (!m.emailVerifiedAt) await tx.member.update({ where: { id: m.id }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, { actorId: m.id, action: "account.signin_link", subjectType: "member", subjectId: m.id, at: now });
    return m;
  });
  // The link stands for the password only: with a second factor on, the second step follows.
  const { secondFactor, deletion } = await settleAfterFirstFactor(db, { memberId: member.id, now });
  if (deletion === "erasing") throw new AppError("unauthenticated", ERASING_MESSAGE);
  return { memberId: member.id, sessionVersion: member.sessionVersion, deletionCancelled: deletion === "cancelled", secondFactor };
}
