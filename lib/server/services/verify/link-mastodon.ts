import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { absoluteUrl } from "@/lib/server/email/config";
import { AppError, fieldError } from "@/lib/server/errors";
import { forgetOpenOffers, leftVerifiedAccount, refuseIfVerifiedElsewhere, requeueWaiting, unchanged, verifyingWrite } from "./link-store";
import { verifyConfig, type VerifyConfig } from "@/lib/server/verify/config";
import { mastodonApi, type MastodonApi } from "@/lib/server/verify/mastodon-api";
import { FetchRefused, ProviderFault, sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { formatAcct, linksBackTo, mastodonExternalId, mastodonProfileUrl, parseMastodonAcct } from "@/lib/verify/mastodon";

export const MASTODON_FIELD = "linkedAccounts.mastodon";

export type MastodonLinkOut = {
  network: "mastodon";
  /** @user@instance */
  handle: string;
  /** the account's profile URL, the rel="me" target (also its stable id once verified) */
  profileUrl: string;
  verified: boolean;
  verifiedAt: Date | null;
  /** until verified: the Rapport profile URL to put in a field of the Mastodon profile */
  backLink: string | null;
};
export type MastodonLinkDeps = { config?: VerifyConfig; mastodon?: MastodonApi; rapportProfileUrl?: (handle: string) => string };

/** The absolute address of a member's Rapport profile (NEXTAUTH_URL + /u/<handle>). */
export const rapportProfileUrl = (handle: string) => absoluteUrl(`/u/${encodeURIComponent(handle)}`);

/** What checking a Mastodon address found (the instance read, nothing written): what storeMastodonLink writes. */
export type MastodonLinkCheck =
  | { network: "mastodon"; step: "linked"; row: StoredRow }
  | {
      network: "mastodon";
      step: "store";
      /** the row as it was checked (the write is conditional on it), or null: none yet */
      existing: { id: string; handle: string; externalId: string | null; verifiedAt: Date | null } | null;
      data: { handle: string; externalId: string; code: string };
      /** one of the account's profile fields links back to the member's Rapport profile */
      verified: boolean;
    };
type StoredRow = { handle: string; externalId: string | null; verifiedAt: Date | null; code: string };

/**
 * Links a Mastodon account (`@user@instance`), proven by a back-link: the member's profile page
 * carries rel="me" to the account, and one of the account's profile fields must link to the
 * member's Rapport profile (read through GET /api/v1/accounts/lookup on the instance, a host the
 * member supplied: the fetcher's strict path). Setting the same handle again is "check again".
 * Without the back-link the account is stored unverified, with what to add. The instance is read
 * first, outside any transaction (checkMastodonLink); storeMastodonLink writes, conditional on the
 * row still holding what was checked, and the partial unique index on verified (network,
 * external_id) keeps one account to one member. PATCH /me runs the two steps itself (update-me.ts).
 */
export async function linkMastodon(
  db: Db,
  { memberId, handle, now, deps = {} }: { memberId: string; handle: string; now: Date; deps?: MastodonLinkDeps },
): Promise<MastodonLinkOut> {
  const check = await checkMastodonLink(db, { memberId, handle, deps });
  return db.$transaction((tx) => storeMastodonLink(tx, { memberId, check, now }));
}

/** The network half of linkMastodon: reads the instance, writes nothing; refuses naming linkedAccounts.mastodon. */
export async function checkMastodonLink(
  db: Tx,
  { memberId, handle: raw, deps = {} }: { memberId: string; handle: string; deps?: MastodonLinkDeps },
): Promise<MastodonLinkCheck> {
  const config = deps.config ?? verifyConfig();
  if (!config.enabled) throw new AppError("unavailable", "Linking accounts is turned off on this server.");
  const acct = parseMastodonAcct(raw);
  if (!acct) throw fieldError(MASTODON_FIELD, "Enter your Mastodon address, like @grace@mastodon.social.");
  const handle = formatAcct(acct);
  const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { handle: true } });
  const backLink = (deps.rapportProfileUrl ?? rapportProfileUrl)(member.handle);
  const existing = await db.linkedAccount.findUnique({ where: { memberId_network: { memberId, network: "mastodon" } } });
  if (existing?.verifiedAt && existing.handle === handle) return { network: "mastodon", step: "linked", row: existing };

  const api = deps.mastodon ?? mastodonApi(sharedFetcher());
  let account;
  try {
    account = await api.lookup(acct.host, acct.user);
  } catch (e) {
    if (e instanceof FetchRefused) throw fieldError(MASTODON_FIELD, `Rapport will not contact ${acct.host}: ${e.message}.`);
    if (e instanceof ProviderFault) throw new AppError("unavailable", `${acct.host} could not be reached just now — try again in a minute.`);
    throw e;
  }
  if (!account) throw fieldError(MASTODON_FIELD, `${acct.host} has no account ${handle}.`);
  return {
    network: "mastodon",
    step: "store",
    existing: existing && { id: existing.id, handle: existing.handle, externalId: existing.externalId, verifiedAt: existing.verifiedAt },
    data: { handle, externalId: mastodonExternalId(account.url), code: backLink },
    verified: linksBackTo(account, backLink),
  };
}

/** The write half of linkMastodon, in the caller's transaction: the one place a checked Mastodon link is stored. */
export async function storeMastodonLink(tx: Tx, { memberId, check, now }: { memberId: string; check: MastodonLinkCheck; now: Date }): Promise<MastodonLinkOut> {
  if (check.step === "linked") return out(check.row);
  const { existing, verified } = check;
  if (verified) await refuseIfVerifiedElsewhere(tx, { network: "mastodon", externalId: check.data.externalId, memberId });
  const data = { ...check.data, verifiedAt: verified ? now : null };
  const row = await verifyingWrite(
    "mastodon",
    existing
      ? tx.linkedAccount.updateManyAndReturn({ where: { id: existing.id, handle: existing.handle, verifiedAt: existing.verifiedAt }, data }).then(unchanged)
      : tx.linkedAccount.create({ data: { memberId, network: "mastodon", createdAt: now, ...data } }),
  );
  // Another account, or the same one no longer linking back: its offers go, after the row is written.
  if (leftVerifiedAccount(existing, row)) await forgetOpenOffers(tx, { memberId, network: "mastodon" });
  if (verified) await requeueWaiting(tx, { memberId, network: "mastodon" });
  return out(row);
}

function out(r: StoredRow): MastodonLinkOut {
  const acct = parseMastodonAcct(r.handle);
  return {
    network: "mastodon",
    handle: r.handle,
    profileUrl: r.externalId ?? (acct ? mastodonProfileUrl(acct) : ""),
    verified: r.verifiedAt !== null,
    verifiedAt: r.verifiedAt,
    backLink: r.verifiedAt ? null : r.code,
  };
}
