import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/server/db";
import { AppError, fieldError, isUniqueViolation } from "@/lib/server/errors";
import { checkableNetwork, NETWORK_LABELS, type VerifyNetwork } from "@/lib/verify/networks";

/**
 * What the three link stores (Bluesky, Mastodon, GitHub) share when they write a checked link:
 * starting a link with a one-time code; one account verified by one member (checked first, then
 * the partial unique index on verified (network, external_id) decides a race); a row changed
 * since it was checked is a conflict; verifying re-queues what waited for it; an account that
 * stops being verified takes its open Found-for-you offers with it.
 */

/** A code the member puts where only the account's owner can (a Bluesky description, a gist). */
export function newLinkCode(): string {
  return `rapport-${randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
}

/**
 * Starts (or restarts) a link: the account as resolved, unverified, with a fresh one-time code.
 * Whatever account was verified on the network before is no longer, so its open offers go.
 */
export async function startLink(tx: Tx, p: { memberId: string; network: VerifyNetwork; handle: string; externalId: string; now: Date }) {
  const { memberId, network, handle, externalId, now } = p;
  const row = await tx.linkedAccount.upsert({
    where: { memberId_network: { memberId, network } },
    create: { memberId, network, handle, externalId, code: newLinkCode(), createdAt: now },
    update: { handle, externalId, code: newLinkCode(), verifiedAt: null, createdAt: now },
  });
  await forgetOpenOffers(tx, { memberId, network });
  return row;
}

type AccountState = { externalId: string | null; verifiedAt: Date | null };

/**
 * Whether a write that changed the member's row on a network (`was` before, `is` after) left
 * the account that was verified: another account now, or none verified. Its open offers then go
 * (forgetOpenOffers); the same account re-entered, renamed or checked again keeps them.
 */
export function leftVerifiedAccount(was: AccountState | null, is: AccountState): boolean {
  return was?.verifiedAt != null && !(is.verifiedAt !== null && is.externalId === was.externalId);
}

/** The write half of an unlink, in the caller's transaction: the account and its verification go, and the open offers resting on it. */
export async function storeUnlink(tx: Tx, { memberId, network }: { memberId: string; network: VerifyNetwork }): Promise<{ offersForgotten: number }> {
  await tx.linkedAccount.deleteMany({ where: { memberId, network } });
  return { offersForgotten: await forgetOpenOffers(tx, { memberId, network }) };
}

/**
 * Forgets the open Found-for-you offers that rest on the member's verified account on `network`,
 * on either side: found in that account's posts, or matched to it as the other member's account.
 * Called whenever that account stops being the member's verified one (unlinked, a link restarted,
 * or moved to another account): added, such an offer would log a link nobody could check, and the
 * list would show posts from an account the member has just said is not theirs. The same account
 * verified again is searched again (the finder's unique index only remembers added and dismissed
 * offers, which stay, as when Found for you is turned off). Call it after writing the account's
 * row, never before: the row's lock is what orders this against the finder's insert (which
 * reads the row FOR SHARE SKIP LOCKED, see find-offers.ts), so the finder either skips the
 * account or commits first and has its offers forgotten here. Returns how many of the member's own
 * offers were forgotten (what their list loses; the other side's go without a word to them).
 */
export async function forgetOpenOffers(tx: Tx, { memberId, network }: { memberId: string; network: VerifyNetwork }): Promise<number> {
  const own = await tx.interactionOffer.deleteMany({ where: { network, state: "open", actorId: memberId } });
  await tx.interactionOffer.deleteMany({ where: { network, state: "open", targetId: memberId } });
  return own.count;
}

const taken = (network: VerifyNetwork) =>
  fieldError(`linkedAccounts.${network}`, `That ${NETWORK_LABELS[network]} account is already linked to another Rapport member.`);

/** Refuses, naming the network's field, when another member already verified this account. */
export async function refuseIfVerifiedElsewhere(tx: Tx, p: { network: VerifyNetwork; externalId: string; memberId: string }): Promise<void> {
  const other = await tx.linkedAccount.findFirst({
    where: { network: p.network, externalId: p.externalId, verifiedAt: { not: null }, memberId: { not: p.memberId } },
    select: { id: true },
  });
  if (other) throw taken(p.network);
}

/** A write that may verify an account: losing the race to another member (the unique index) reads as refuseIfVerifiedElsewhere. */
export function verifyingWrite<T>(network: VerifyNetwork, write: Promise<T>): Promise<T> {
  return write.catch((e: unknown) => {
    throw isUniqueViolation(e) ? taken(network) : e;
  });
}

/** The first row of a conditional update, or a conflict: the linked account changed since it was checked. */
export function unchanged<T>(rows: T[]): T {
  if (rows.length === 0) throw new AppError("conflict", "Your linked account changed meanwhile — reload and try again.");
  return rows[0];
}

/** What waited for a verified account on `network`, either side of it, gets another check (the job's sweep). */
export async function requeueWaiting(tx: Tx, p: { memberId: string; network: VerifyNetwork }): Promise<void> {
  const waiting = await tx.loggedInteraction.findMany({
    where: { status: "pending", checkState: "mismatch", OR: [{ actorId: p.memberId }, { targetId: p.memberId }], evidenceUrl: { startsWith: "https://" } },
    select: { id: true, evidenceUrl: true },
  });
  const ids = waiting.filter((w) => checkableNetwork(w.evidenceUrl) === p.network).map((w) => w.id);
  if (ids.length) await tx.loggedInteraction.updateMany({ where: { id: { in: ids } }, data: { checkState: "queued", checkReason: null } });
}
