import "server-only";
import { mastodonApi } from "@/lib/server/verify/mastodon-api";
import { FetchRefused, sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { mastodonExternalId, parseMastodonAcct } from "@/lib/verify/mastodon";
import { nextMaxId, postsFromStatuses, reachedStart, type AccountStatusesPage } from "@/lib/verify/mastodon-statuses";
import type { OfferReader } from "./types";

/**
 * Pages of (up to) 40 statuses read per member and run: 200 statuses, two-thirds of what Bluesky's
 * 3 pages of 100 hold, for 6 requests (with the account lookup) to an instance a member chose —
 * often a volunteer-run server whose default limit for readers not signed in is 300 requests per
 * 5 minutes per address. Enough for the daily runs (a day's statuses) and for some weeks back on
 * the first one.
 */
export const MASTODON_MAX_PAGES = 5;

/**
 * Mastodon: the actor's own statuses on the instance that hosts their verified account (the host
 * of its profile URL, the one the evidence check reads from), found by GET
 * /api/v1/accounts/lookup (linked_account stores the profile URL, not the instance's account id)
 * and read by GET /api/v1/accounts/:id/statuses, newest first, page by page (`max_id` = the last
 * status's id, as Mastodon's own `next` link is built) back to `start` or MASTODON_MAX_PAGES pages.
 * An account the instance no longer has, or has under another profile URL than the verified one,
 * offers nothing. An instance Rapport will not contact (FetchRefused: it resolves to a private
 * address, answers too much) offers what was read before it: retrying would not change it, and
 * the member counts as searched.
 */
export const readMastodon: OfferReader = async (account, start, deps) => {
  const api = deps.mastodon ?? mastodonApi(sharedFetcher());
  const host = hostOf(account.externalId);
  const acct = parseMastodonAcct(account.handle);
  if (!host || !acct) return [];
  const statuses: AccountStatusesPage = [];
  try {
    const me = await api.lookup(host, acct.user);
    if (!me || mastodonExternalId(me.url) !== account.externalId) return [];
    let maxId: string | undefined;
    for (let page = 0; page < MASTODON_MAX_PAGES; page++) {
      const out = await api.getAccountStatuses(host, me.id, maxId);
      if (!out) break;
      statuses.push(...out);
      if (reachedStart(out, start)) break;
      maxId = nextMaxId(out) ?? undefined;
    }
  } catch (e) {
    if (!(e instanceof FetchRefused)) throw e;
  }
  return postsFromStatuses(statuses, account.externalId);
};

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
