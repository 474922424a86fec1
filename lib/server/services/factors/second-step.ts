import "server-only";
import type { Db } from "@/lib/db/create-client";
import { readPendingToken } from "@/lib/server/auth/pending-sign-in";
import { AppError } from "@/lib/server/errors";
import { checkInput } from "@/lib/server/validation";
import { markAttemptSucceeded, reserveAttempt } from "@/lib/server/services/accounts/throttle";
import { ZSecondStep, type TSecondStepInput } from "@/lib/validation/factors";
import { ERASING_MESSAGE, settleDeletionOnSignIn } from "@/lib/server/services/accounts/cancel-deletion";
import { auditRefusal } from "./refuse";
import { spendRecoveryCode } from "./recovery-codes";
import { spendTotpCode } from "./totp";

export const SECOND_STEP_MAX = 10;
const WINDOW_MINUTES = 15;
export const SECOND_STEP_EXPIRED = "That sign-in took too long. Please enter your email and password again.";

export type SecondStepResult = { ok: true; memberId: string; sessionVersion: number; recoveryCodesLeft: number | null; deletionCancelled: boolean } | { ok: false; error: AppError };

/**
 * The second step of a password sign-in: the pending token (password already checked, signed
 * by us, minutes old) plus a code from the authenticator app or a recovery code. Guesses are
 * throttled per member (the pending token names them); a passkey needs none of this.
 */
export async function completeSecondStep(db: Db, { pendingToken, input, now }: { pendingToken: string | undefined; input: TSecondStepInput; now: Date }): Promise<SecondStepResult> {
  const pending = readPendingToken(pendingToken, now);
  if (!pending) return { ok: false, error: new AppError("unauthenticated", SECOND_STEP_EXPIRED) };
  const checked = checkInput(ZSecondStep, input);
  if (!checked.ok) return checked;
  const { method, code } = checked.data;
  const { memberId } = pending;

  let reserved: string;
  try {
    const rule = { kind: "2fa:member", key: memberId, max: SECOND_STEP_MAX, windowMinutes: WINDOW_MINUTES };
    reserved = await reserveAttempt(db, rule, now, "Too many wrong codes. For your safety, please wait a few minutes before trying again.");
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e };
    throw e;
  }

  const member = await db.member.findUnique({ where: { id: memberId }, select: { sessionVersion: true } });
  // Signed out everywhere since the password was checked: this pending sign-in ended too.
  if (!member || member.sessionVersion !== pending.sessionVersion) return { ok: false, error: new AppError("unauthenticated", SECOND_STEP_EXPIRED) };

  if (method === "totp") {
    const outcome = await db.$transaction((tx) => spendTotpCode(tx, { memberId, code, now }));
    if (outcome === "reused") return { ok: false, error: codeError("That code was already used. Wait for the next one in your app.") };
    if (outcome === "wrong") return { ok: false, error: codeError("That code didn't match. Check the time on your phone and try the newest code.") };
    await markAttemptSucceeded(db, [reserved]);
    return signedIn(db, { memberId, sessionVersion: member.sessionVersion, recoveryCodesLeft: null, now });
  }
  const left = await db.$transaction((tx) => spendRecoveryCode(tx, { memberId, code, now }));
  if (left === null) {
    await db.$transaction((tx) => auditRefusal(tx, { memberId, factor: "recovery_code", reason: "unknown_or_used", now }));
    return { ok: false, error: codeError("That recovery code is wrong or was already used. Each code works once.") };
  }
  await markAttemptSucceeded(db, [reserved]);
  return signedIn(db, { memberId, sessionVersion: member.sessionVersion, recoveryCodesLeft: left, now });
}

/**
 * Both factors given: only now does signing in keep an account its owner asked to delete
 * (the password alone no longer does, sign-in.ts), or find it already being erased.
 */
async function signedIn(db: Db, { memberId, sessionVersion, recoveryCodesLeft, now }: { memberId: string; sessionVersion: number; recoveryCodesLeft: number | null; now: Date }): Promise<SecondStepResult> {
  const deletion = await settleDeletionOnSignIn(db, { memberId, now });
  if (deletion === "erasing") return { ok: false, error: new AppError("unauthenticated", ERASING_MESSAGE) };
  return { ok: true, memberId, sessionVersion, recoveryCodesLeft, deletionCancelled: deletion === "cancelled" };
}

const codeError = (message: string) => new AppError("validation", message, { fields: { code: [message] } });
