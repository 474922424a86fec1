import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/auth/password";
import { checkInput } from "@/lib/server/validation";
import { ZSignin, type TSigninInput } from "@/lib/validation/member";
import { markAttemptSucceeded, releaseAttempts, reserveAttempt, THROTTLES } from "./throttle";
import { ERASING_MESSAGE, settleAfterFirstFactor } from "./cancel-deletion";
import { promoteIfAdminEmail } from "@/lib/server/services/admin/bootstrap-admin";
import { notifyRepeatedFailures } from "./sign-in-failures";

/**
 * `deletionCancelled`: the member had asked to delete the account, and signing in kept it.
 * `secondFactor`: the password was right but a second factor is on — no session until it.
 */
export type SignInResult = { ok: true; memberId: string; sessionVersion: number; deletionCancelled: boolean; secondFactor: boolean } | { ok: false; error: AppError };

const WINDOW_MINUTES = 15;

/**
 * Checks email and password. Failures are throttled per account and per IP (in the
 * database); the message never says whether the email exists. Signing in cancels a pending
 * account deletion (cancel-deletion.ts).
 *
 * The throttle guards the *password credential* only, so it cannot be turned into a lockout:
 * other ways in — the emailed sign-in link (sign-in-link.ts), OAuth, and passkeys — never
 * consult it, and the owner is emailed once per throttling episode (sign-in-failures.ts).
 * A new credential type should keep it that way: call its own check, not this function.
 */
export async function signInWithPassword(db: Db, { input, ip, now }: { input: TSigninInput; ip: string; now: Date }): Promise<SignInResult> {
  // No fields named: the message never says which one was wrong.
  const checked = checkInput(ZSignin, input, { message: "Enter your email and password.", fields: false });
  if (!checked.ok) return checked;
  const { email, password } = checked.data;
  // Each attempt is counted before the password is checked (reserveAttempt), so attempts sent
  // in parallel cannot all get a guess in; a correct password marks them successful.
  const limits = [
    {
      rule: { kind: "signin:account", key: email, max: THROTTLES.signinPerAccount(), windowMinutes: WINDOW_MINUTES },
      message:
        "Too many failed sign-in attempts for this account, so password sign-in is paused for a while. " +
        "You can still get in now with “Email me a sign-in link”.",
    },
    {
      rule: { kind: "signin:ip", key: ip, max: THROTTLES.signinPerIp(), windowMinutes: WINDOW_MINUTES },
      message: "Too many failed sign-in attempts from your network. Please wait before trying again.",
    },
  ];
  const reserved: string[] = [];
  try {
    // One after the other: a refusal by the first leaves the second uncounted.
    for (const { rule, message } of limits) reserved.push(await reserveAttempt(db, rule, now, message));
  } catch (e) {
    await releaseAttempts(db, reserved);
    if (e instanceof AppError) return { ok: false, error: e };
    throw e;
  }
  const member = await db.member.findUnique({ where: { email }, select: { id: true, passwordHash: true, sessionVersion: true } });
  const ok = await verifyPassword(member?.passwordHash, password);
  if (ok && member) await markAttemptSucceeded(db, reserved);
  if (!ok || !member) {
    if (member) await notifyRepeatedFailures(db, { memberId: member.id, email, max: limits[0].rule.max, windowMinutes: WINDOW_MINUTES, now });
    return { ok: false, error: new AppError("unauthenticated", "That email and password don't match an account.") };
  }
  const { secondFactor, deletion } = await settleAfterFirstFactor(db, { memberId: member.id, now });
  if (deletion === "erasing") return { ok: false, error: new AppError("unauthenticated", ERASING_MESSAGE) };
  await promoteIfAdminEmail(db, member.id, email, now); // RAPPORT_ADMIN_EMAIL: the installation's first admin
  return { ok: true, memberId: member.id, sessionVersion: member.sessionVersion, deletionCancelled: deletion === "cancelled", secondFactor };
}

