import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/auth/password";
import { markAttemptSucceeded, releaseAttempts, reserveAttempt, THROTTLES } from "./throttle";

const WINDOW_MINUTES = 15;

/**
 * Checks a signed-in member's password before something that cannot be taken back lightly
 * (changing it, deleting the account). Wrong guesses are throttled like sign-in — per account
 * and per network, counted before the check and outside any transaction that refuses — so a
 * left-open browser or a stolen token cannot be used to find the password. A wrong password is
 * a validation error naming `field`.
 */
export async function confirmPassword(
  db: Db,
  { memberId, passwordHash, password, field, ip, now }: { memberId: string; passwordHash: string; password: string; field: string; ip: string; now: Date },
): Promise<void> {
  const reserved: string[] = [];
  try {
    const perAccount = { kind: "password:account", key: memberId, max: THROTTLES.signinPerAccount(), windowMinutes: WINDOW_MINUTES };
    reserved.push(await reserveAttempt(db, perAccount, now, "Too many wrong passwords. For your safety, please wait before trying again."));
    const perIp = { kind: "signin:ip", key: ip, max: THROTTLES.signinPerIp(), windowMinutes: WINDOW_MINUTES };
    reserved.push(await reserveAttempt(db, perIp, now, "Too many failed attempts from your network. Please wait before trying again."));
  } catch (e) {
    await releaseAttempts(db, reserved);
    throw e;
  }
  if (!(await verifyPassword(passwordHash, password))) {
    throw new AppError("validation", "That isn't your current password.", { fields: { [field]: ["That isn't your current password."] } });
  }
  await markAttemptSucceeded(db, reserved);
}
