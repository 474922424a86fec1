import "server-only";
import { ZAccount, ZStatus, type MastodonAccount, type MastodonStatus } from "@/lib/verify/mastodon";
import { ACCOUNT_STATUSES_LIMIT, ZAccountStatuses, type AccountStatusesPage } from "@/lib/verify/mastodon-statuses";
import { ProviderFault, type Fetcher } from "./safe-fetch";

/**
 * The public Mastodon REST reads Rapport uses. The instance host came from a member, so
 * every request goes through the fetcher's strict path (`trust: "public"`: HTTPS, public
 * addresses only, pinned connection, no cross-host redirect) with one rate-limit gate per
 * instance ("mastodon:<host>").
 */
export type MastodonApi = {
  /** GET /api/v1/accounts/lookup?acct=user — null on 404 */
  lookup: (host: string, user: string) => Promise<MastodonAccount | null>;
  /** GET /api/v1/statuses/:id — null on 404 (deleted, private, never there) */
  getStatus: (host: string, id: string) => Promise<MastodonStatus | null>;
  /**
   * GET /api/v1/accounts/:id/statuses?limit=40&exclude_reblogs=true[&max_id=…] — one page of the
   * account's statuses, newest first, older than `maxId`; null when the instance will not show
   * them (404 no such account, 410 suspended, 401 the instance shows nothing to readers not
   * signed in)
   */
  getAccountStatuses: (host: string, accountId: string, maxId?: string) => Promise<AccountStatusesPage | null>;
};

export function mastodonApi(fetcher: Fetcher): MastodonApi {
  async function get(host: string, path: string, fresh = false) {
    return fetcher.fetch({ provider: `mastodon:${host}`, url: `https://${host}${path}`, trust: "public", fresh });
  }
  function shaped<T>(schema: { safeParse: (b: unknown) => { success: true; data: T } | { success: false } }, body: unknown, what: string): T {
    const r = schema.safeParse(body);
    if (!r.success) throw new ProviderFault(`the instance answered ${what} in an unexpected shape`);
    return r.data;
  }
  return {
    async lookup(host, user) {
      // never from the cache: the member has just added the field to their profile
      const res = await get(host, `/api/v1/accounts/lookup?${new URLSearchParams({ acct: user })}`, true);
      if (res.status === 404) return null;
      if (res.status !== 200) throw new ProviderFault(`${host} answered ${res.status} to accounts/lookup`);
      return shaped(ZAccount, res.body, "accounts/lookup");
    },
    async getStatus(host, id) {
      const res = await get(host, `/api/v1/statuses/${encodeURIComponent(id)}`);
      if (res.status === 404) return null;
      if (res.status !== 200) throw new ProviderFault(`${host} answered ${res.status} to statuses/${id}`);
      return shaped(ZStatus, res.body, "statuses/:id");
    },
    async getAccountStatuses(host, accountId, maxId) {
      const params = new URLSearchParams({ limit: String(ACCOUNT_STATUSES_LIMIT), exclude_reblogs: "true", ...(maxId ? { max_id: maxId } : {}) });
      // never from the cache: the finder runs about once a day and wants what is there now
      const res = await get(host, `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses?${params}`, true);
      if (res.status === 404 || res.status === 410 || res.status === 401) return null;
      if (res.status !== 200) throw new ProviderFault(`${host} answered ${res.status} to accounts/:id/statuses`);
      return shaped(ZAccountStatuses, res.body, "accounts/:id/statuses");
    },
  };
}
