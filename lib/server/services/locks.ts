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

/** A member of a send, as locked: who they are, their email choices, and whether they may take part. */
export type SendMember = {
  id: string;
  handle: string;
  name: string;
  email: string;
  emailPrefs: unknown;
  emailVerifiedAt: Date | null;
  suspendedAt: Date | null;
  suspendedUntil: Date | null;
  deleteAt: Date | null;
};

/**
 * A send's first statement: reads the requester (by id) and the recipient (by handle) and
 * locks both, in the same order as lockPair (by id). What decides the send — suspensions, a
 * deletion under way, a confirmed address — is read under the lock, so a change that
 * committed just before still counts. Either may be missing (not a member): the caller refuses.
 */
export async function lockSendPair(tx: Tx, requesterId: string, recipientHandle: string): Promise<SendMember[]> {
  const rows = await tx.$queryRaw<
    { id: string; handle: string; name: string; email: string; email_prefs: unknown; email_verified_at: Date | null; suspended_at: Date | null; suspended_until: Date | null; delete_at: Date | null }[]
  >`
    SELECT id, handle, name, email, email_prefs, email_verified_at, suspended_at, suspended_until, delete_at
    FROM "member" WHERE id = ${requesterId} OR handle = ${recipientHandle}
    ORDER BY id FOR NO KEY UPDATE`;
  return rows.map((r) => ({
    id: r.id,
    handle: r.handle,
    name: r.name,
    email: r.email,
    emailPrefs: r.email_prefs,
    emailVerifiedAt: r.email_verified_at,
    suspendedAt: r.suspended_at,
    suspendedUntil: r.suspended_until,
    deleteAt: r.delete_at,
  }));
}
