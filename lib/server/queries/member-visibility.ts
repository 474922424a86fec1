import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** `m` (a member row) is not suspended at `now`: never suspended, or the suspension has ended. */
export const notSuspended = (now: Date) =>
  Prisma.sql`(m.suspended_at IS NULL OR (m.suspended_until IS NOT NULL AND m.suspended_until <= ${now}))`;

/**
 * The member `column` refers to is not suspended at `now` — the same rule as notSuspended, as an
 * anti-join with the few members ever suspended (partial index member_suspended_idx), for
 * counts that need no other column of the member: no lookup per row.
 */
export const notSuspendedRef = (column: Prisma.Sql, now: Date) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM member sm WHERE sm.id = ${column} AND sm.suspended_at IS NOT NULL
    AND (sm.suspended_until IS NULL OR sm.suspended_until > ${now}))`;

/** The same rule for a Prisma `where` on a member (or a relation to one): no block with `memberId`, either way. */
export const noBlockWith = (memberId: string) =>
  ({ blocksMade: { none: { blockedId: memberId } }, blocksGot: { none: { blockerId: memberId } } }) satisfies Prisma.MemberWhereInput;

/** No block between the viewer and `m`, either way. */
export const notBlockedEitherWay = (viewerId: string) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM block b
    WHERE (b.blocker_id = ${viewerId} AND b.blocked_id = m.id) OR (b.blocker_id = m.id AND b.blocked_id = ${viewerId}))`;

/**
 * `m` may be offered to the viewer by search and suggestions: not the viewer, discoverable
 * (not opted out), not suspended, no block either way. Their profile stays reachable by URL
 * whatever `discoverable` says.
 */
export const discoverableTo = (viewerId: string, now: Date) =>
  Prisma.sql`(m.id <> ${viewerId} AND m.discoverable AND ${notSuspended(now)} AND ${notBlockedEitherWay(viewerId)})`;
