import "server-only";
import { AppError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/db";

/**
 * Attempt throttling kept in the database (auth_attempt), so every app instance agrees.
 * A rule allows `max` counted attempts per `windowMinutes` for one key.
 */
export type ThrottleRule = { kind: string; key: string; max: number; windowMinutes: number; failuresOnly?: boolean };

const envInt = (name: string, fallback: number) => {
  const v = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

export const THROTTLES = {
  signinPerAccount: () => envInt("RAPPORT_SIGNIN_MAX_PER_ACCOUNT", 5),
  signinPerIp: () => envInt("RAPPORT_SIGNIN_MAX_PER_IP", 30),
  signupPerIp: () => envInt("RAPPORT_SIGNUP_MAX_PER_IP", 10),
};

export async function checkThrottle(db: Tx, rule: ThrottleRule, now: Date, message: string): Promise<void> {
  const since = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const rows = await db.authAttempt.findMany({
    where: { kind: rule.kind, key: rule.key, createdAt: { gt: since }, ...(rule.failuresOnly ? { success: false } : {}) },
    orderBy: { createdAt: "desc" },
    take: rule.max,
    select: { createdAt: true },
  });
  if (rows.length >= rule.max) {
    const oldest = rows[rows.length - 1].createdAt;
    const retryAt = new Date(oldest.getTime() + rule.windowMinutes * 60_000);
    throw new AppError("rate_limited", message, { retryAt });
  }
}

export async function recordAttempt(db: Tx, kind: string, key: string, success: boolean): Promise<void> {
  await db.authAttempt.create({ data: { kind, key, success } });
}
