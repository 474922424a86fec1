import "server-only";
import type { Tx } from "@/lib/server/db";

/**
 * Serialises a member's limited writes (requests, posts, logs) across transactions and app
 * instances: a row lock on the member, held until the surrounding transaction ends. Counting
 * "how many in the window" after taking it cannot race with another instance's insert.
 *
 * FOR NO KEY UPDATE, not FOR UPDATE: it excludes the other lockers all the same, but lets
 * rows that merely reference the member (foreign-key checks take FOR KEY SHARE) be written.
 * With FOR UPDATE, a transaction holding a pair's summaries and inserting an interaction
 * waited on a member locked by a transaction that then waited on those summaries: a deadlock.
 */
export async function lockMember(tx: Tx, memberId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "member" WHERE id = ${memberId} FOR NO KEY UPDATE`;
}

/** A member as locked: whether they may take part, read under the lock (a suspension that committed just before still counts). */
export type LockedMember = { id: string; suspendedAt: Date | null; suspendedUntil: Date | null; deleteAt: Date | null };

/** Locks two members in a fixed order (no deadlock when A→B and B→A race); returns them as locked. */
export async function lockPair(tx: Tx, a: string, b: string): Promise<LockedMember[]> {
  const [first, second] = a < b ? [a, b] : [b, a];
  const rows = await tx.$queryRaw<{ id: string; suspended_at: Date | null; suspended_until: Date | null; delete_at: Date | null }[]>`
    SELECT id, suspended_at, suspended_until, delete_at FROM "member" WHERE id IN (${first}, ${second}) ORDER BY id FOR NO KEY UPDATE`;
  return rows.map((r) => ({ id: r.id, suspendedAt: r.suspended_at, suspendedUntil: r.suspended_until, deleteAt: r.delete_at }));
}
