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

/** Locks two members in a fixed order (no deadlock when A→B and B→A race). */
export async function lockPair(tx: Tx, a: string, b: string): Promise<void> {
  const [first, second] = a < b ? [a, b] : [b, a];
  await tx.$queryRaw`SELECT id FROM "member" WHERE id IN (${first}, ${second}) ORDER BY id FOR NO KEY UPDATE`;
}
