import { readFileSync } from "node:fs";
import type http from "node:http";

// A fake Mastodon instance answering with the committed fixtures (tests/fixtures/mastodon), for
// the strict fetcher path: a test gives the fetcher a resolver with public addresses for the
// instance's name and — test only — testOnlyDial to carry the checked connection here.

export const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/mastodon/${name}`, "utf8"));

type Json = Record<string, unknown>;
export type FakeStatus = Json & { id: string; created_at: string; account: Json & { id: string } };

export type FakeMastodon = {
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  /** lookup answers: acct (local username) → Account */
  accounts: Map<string, Json>;
  /** every status the instance holds, any author */
  statuses: Map<string, FakeStatus>;
  requests: { host: string; path: string; query: Record<string, string> }[];
  /** the next `times` requests to `path` (a prefix; "" for any) are answered `status` */
  fail: (f: { status: number; times?: number; path?: string; retryAfter?: number }) => void;
};

export function createFakeMastodon(): FakeMastodon {
  const accounts = new Map<string, Json>();
  const statuses = new Map<string, FakeStatus>();
  const requests: FakeMastodon["requests"] = [];
  let failure: { status: number; times: number; path: string; retryAfter?: number } | null = null;

  function handler(req: http.IncomingMessage, res: http.ServerResponse) {
    const u = new URL(req.url ?? "/", "http://x");
    requests.push({ host: String(req.headers.host), path: u.pathname, query: Object.fromEntries(u.searchParams) });
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (failure && failure.times > 0 && u.pathname.startsWith(failure.path)) {
      failure.times--;
      return res.writeHead(failure.status, failure.retryAfter === undefined ? {} : { "retry-after": String(failure.retryAfter) }).end();
    }
    if (u.pathname === "/api/v1/accounts/lookup") {
      const a = accounts.get(u.searchParams.get("acct") ?? "");
      return a ? json(200, a) : json(404, fixture("error-404.json"));
    }
    const list = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(u.pathname);
    if (list) {
      const id = decodeURIComponent(list[1]);
      if (![...accounts.values()].some((a) => a.id === id)) return json(404, fixture("error-404.json"));
      // Newest first, older than max_id, at most `limit` (Mastodon: default 20, max 40). It serves
      // every status it holds — private, direct, boosts — which a real instance keeps from readers
      // not signed in (and from exclude_reblogs=true): the reader must not count on that.
      const maxId = u.searchParams.get("max_id");
      const limit = Math.min(Number(u.searchParams.get("limit") ?? 20) || 20, 40);
      const page = [...statuses.values()]
        .filter((s) => s.account.id === id && (maxId === null || BigInt(s.id) < BigInt(maxId)))
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
        .slice(0, limit);
      return json(200, page);
    }
    const one = /^\/api\/v1\/statuses\/(\d+)$/.exec(u.pathname);
    if (one) {
      const s = statuses.get(one[1]);
      return s ? json(200, s) : json(404, fixture("error-404.json"));
    }
    json(404, fixture("error-404.json"));
  }

  return {
    handler,
    accounts,
    statuses,
    requests,
    fail: ({ status, times = 1, path = "", retryAfter }) => {
      failure = { status, times, path, retryAfter };
    },
  };
}
