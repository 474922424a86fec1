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

export async function recordAttempt(db: Tx, kind: string, key: string, success: boolean, now: Date): Promise<void> {
  await db.authAttempt.create({ data: { kind, key, success, createdAt: now } });
}

/**
 * Counts an attempt before it is made, so attempts sent all at once cannot all slip under the
 * limit (count-then-insert lets N parallel requests all see "under the limit"). The attempt is
 * inserted as a failure first — it commits before the count — then the failures in the window
 * are counted including it: of N parallel attempts, the ones beyond `max` each see more than
 * `max` and are refused (their row is taken back, so a refusal does not extend the lockout).
 * Returns the attempt's id: mark it successful with markAttemptSucceeded.
 */
export async function reserveAttempt(db: Tx, rule: ThrottleRule, now: Date, message: string): Promise<string> {
  const { id } = await db.authAttempt.create({ data: { kind: rule.kind, key: rule.key, success: false, createdAt: now }, select: { id: true } });
  const since = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const window = { kind: rule.kind, key: rule.key, success: false, createdAt: { gt: since } };
  const failures = await db.authAttempt.count({ where: window });
  if (failures <= rule.max) return id;
  const others = await db.authAttempt.findMany({
    where: { ...window, id: { not: id } },
    orderBy: { createdAt: "desc" },
    take: rule.max,
    select: { createdAt: true },
  });
  await db.authAttempt.deleteMany({ where: { id } });
  const oldest = others.at(-1)?.createdAt ?? now;
  throw new AppError("rate_limited", message, { retryAt: new Date(oldest.getTime() + rule.windowMinutes * 60_000) });
}

export async function markAttemptSucceeded(db: Tx, ids: string[]): Promise<void> {
  await db.authAttempt.updateMany({ where: { id: { in: ids } }, data: { success: true } });
}

/** Takes back reserved attempts (e.g. the account was fine but the address was over its limit). */
export async function releaseAttempts(db: Tx, ids: string[]): Promise<void> {
  await db.authAttempt.deleteMany({ where: { id: { in: ids } } });
}

/**
 * Serialises writes that share one throttle key (e.g. sign-ups from one address) until the
 * surrounding transaction ends, across app instances: a transaction-scoped advisory lock.
 */
export async function lockThrottleKey(tx: Tx, kind: string, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${kind}:${key}`}, 0))`;
}
