import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { AppError, fieldError } from "@/lib/server/errors";
import { refuseIfVerifiedElsewhere, startLink, storeUnlink, requeueWaiting, unchanged, verifyingWrite } from "./link-store";
import { blueskyApi, type BlueskyApi } from "@/lib/server/verify/bluesky-api";
import { verifyConfig, type VerifyConfig } from "@/lib/server/verify/config";
import { FetchRefused, ProviderFault, sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { normaliseBlueskyHandle } from "@/lib/verify/bluesky";
import type { VerifyNetwork } from "@/lib/verify/networks";

export const BLUESKY_FIELD = "linkedAccounts.bluesky";

export type LinkedAccountOut = { network: "bluesky"; handle: string; did: string | null; verified: boolean; verifiedAt: Date | null; code: string | null };
export type LinkDeps = { config?: VerifyConfig; bluesky?: BlueskyApi };

/** What checking a Bluesky handle found (Bluesky read, nothing written): what storeBlueskyLink writes. */
export type BlueskyLinkCheck =
  | { network: "bluesky"; step: "linked"; row: StoredRow }
  | { network: "bluesky"; step: "start"; handle: string; did: string }
  | { network: "bluesky"; step: "verify"; id: string; code: string; did: string };
type StoredRow = { handle: string; externalId: string | null; verifiedAt: Date | null; code: string };

/**
 * Links a Bluesky account in two steps, both by setting the handle:
 * 1. a new handle is resolved to its DID (com.atproto.identity.resolveHandle; DIDs do not
 *    change, handles do) and stored with a fresh one-time code, unverified;
 * 2. the same handle again checks the profile (app.bsky.actor.getProfile by DID): when its
 *    description holds the code, the account is verified, and interactions that waited for a
 *    verified account (either side) are queued for another check.
 * Bluesky is read first, outside any transaction (checkBlueskyLink, with the fetcher's 5 s
 * limit); then storeBlueskyLink writes, conditional on the row still holding what was checked.
 * PATCH /me runs the two steps itself, the store inside its own transaction (update-me.ts).
 */
export async function linkBluesky(db: Db, { memberId, handle, now, deps = {} }: { memberId: string; handle: string; now: Date; deps?: LinkDeps }): Promise<LinkedAccountOut> {
  const check = await checkBlueskyLink(db, { memberId, handle, deps });
  return db.$transaction((tx) => storeBlueskyLink(tx, { memberId, check, now }));
}

/** The network half of linkBluesky: reads Bluesky, writes nothing; refuses naming linkedAccounts.bluesky. */
export async function checkBlueskyLink(db: Tx, { memberId, handle: raw, deps = {} }: { memberId: string; handle: string; deps?: LinkDeps }): Promise<BlueskyLinkCheck> {
  const config = deps.config ?? verifyConfig();
  if (!config.enabled) throw new AppError("unavailable", "Linking accounts is turned off on this server.");
  const handle = normaliseBlueskyHandle(raw);
  if (!handle) throw fieldError(BLUESKY_FIELD, "Enter your Bluesky handle, like grace.bsky.social.");
  const api = deps.bluesky ?? blueskyApi(sharedFetcher(), config);
  const existing = await db.linkedAccount.findUnique({ where: { memberId_network: { memberId, network: "bluesky" } } });
  if (existing && existing.handle === handle && existing.externalId) {
    if (existing.verifiedAt) return { network: "bluesky", step: "linked", row: existing };
    const profile = await reach(() => api.getProfile(existing.externalId!));
    if (!profile || profile.did !== existing.externalId) throw fieldError(BLUESKY_FIELD, `Bluesky has no account @${handle} any more — check the handle.`);
    if (!profile.description.includes(existing.code)) {
      throw fieldError(BLUESKY_FIELD, `We couldn't find ${existing.code} in the description of @${handle} yet. Save it in your Bluesky profile, then check again.`);
    }
    return { network: "bluesky", step: "verify", id: existing.id, code: existing.code, did: existing.externalId };
  }
  const did = await reach(() => api.resolveHandle(handle));
  if (!did) throw fieldError(BLUESKY_FIELD, `There is no Bluesky account @${handle}.`);
  return { network: "bluesky", step: "start", handle, did };
}

/** The write half of linkBluesky, in the caller's transaction: the one place a checked Bluesky link is stored. */
export async function storeBlueskyLink(tx: Tx, { memberId, check, now }: { memberId: string; check: BlueskyLinkCheck; now: Date }): Promise<LinkedAccountOut> {
  if (check.step === "linked") return out(check.row);
  if (check.step === "start") {
    return out(await startLink(tx, { memberId, network: "bluesky", handle: check.handle, externalId: check.did, now }));
  }
  await refuseIfVerifiedElsewhere(tx, { network: "bluesky", externalId: check.did, memberId });
  // Two members verifying one DID at once: the partial unique index lets one commit.
  const row = unchanged(
    await verifyingWrite(
      "bluesky",
      tx.linkedAccount.updateManyAndReturn({
        where: { id: check.id, code: check.code, externalId: check.did, verifiedAt: null },
        data: { verifiedAt: now },
      }),
    ),
  );
  await requeueWaiting(tx, { memberId, network: "bluesky" });
  return out(row);
}

/**
 * "Unlink" (Bluesky, Mastodon or GitHub): the linked account goes, with its verification, in one
 * transaction with the open Found-for-you offers resting on it (storeUnlink). Interactions already
 * verified through it stay verified.
 */
export function unlinkAccount(db: Db, { memberId, network }: { memberId: string; network: VerifyNetwork }): Promise<{ offersForgotten: number }> {
  return db.$transaction((tx) => storeUnlink(tx, { memberId, network }));
}

async function reach<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ProviderFault || e instanceof FetchRefused) {
      throw new AppError("unavailable", "Bluesky could not be reached just now — try again in a minute.");
    }
    throw e;
  }
}

function out(r: StoredRow): LinkedAccountOut {
  return { network: "bluesky", handle: r.handle, did: r.externalId, verified: r.verifiedAt !== null, verifiedAt: r.verifiedAt, code: r.verifiedAt ? null : r.code };
}
