import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The SQL side of `isSuspendedAt` (lib/warmup/suspension.ts): members suspended at `now` —
 * suspended at some point, with no end or an end still in the future. Wrapped in AND, so it
 * can be spread into a `where` that has its own OR.
 */
export function suspendedAtWhere(now: Date): Prisma.MemberWhereInput {
  return { AND: [{ suspendedAt: { not: null } }, { OR: [{ suspendedUntil: null }, { suspendedUntil: { gt: now } }] }] };
}

/** Members not suspended at `now`: never suspended, or their suspension has ended. */
export function notSuspendedAtWhere(now: Date): Prisma.MemberWhereInput {
  return { AND: [{ OR: [{ suspendedAt: null }, { suspendedUntil: { lte: now } }] }] };
}
