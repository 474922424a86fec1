import "server-only";
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/**
 * The one way Rapport reads another network's API (docs/security.md, "Evidence fetcher").
 *
 * - `trust: "operator"`: a URL built on a base the operator configured (RAPPORT_BLUESKY_API,
 *   RAPPORT_GITHUB_API). Its host is whatever the operator chose — also a local fake in tests.
 * - `trust: "public"`: a URL whose host came from a member (a Mastodon instance). HTTPS only;
 *   every address the name resolves to must be public, and the connection goes to the address
 *   that was checked (the socket's `lookup` returns it), so a second DNS answer cannot rebind it.
 *
 * Both: no redirect to another origin, a 5 s deadline for the whole exchange, at most 1 MiB of
 * body unless the read names its own limit (the download stops there), a User-Agent naming Rapport, a cache of answers, and one gate
 * per provider that spaces requests and honours `Retry-After` (and a provider's own rate-limit
 * answer, `rateLimitedUntil`). Reads are GETs; a JSON query (GitHub's GraphQL) is a POST that
 * never follows a redirect.
 */
export type Trust = "operator" | "public";

export type SafeFetchRequest = {
  /** rate-limit bucket: "bluesky", "github", "mastodon:<host>" */
  provider: string;
  url: string;
  trust: Trust;
  headers?: Record<string, string>;
  /** skip the cache for this read (the answer is still stored): a profile checked for a code the member just saved */
  fresh?: boolean;
  /** this read's body limit instead of the fetcher's (1 MiB): GitHub's pages of 100 events, which carry whole issues */
  maxBytes?: number;
  /** a POST with this JSON body (GitHub's GraphQL); the cache keys on the body too. GET without it. */
  jsonBody?: unknown;
  /**
   * The provider's own way of saying "slow down" (GitHub: 403 with x-ratelimit-remaining 0):
   * when it answers a time, the answer is a rate limit like a 429. Without it, 429 and 503 are.
   */
  rateLimitedUntil?: (status: number, headers: Headers, now: Date) => Date | null;
};

export type SafeFetchResponse = { status: number; body: unknown };

/** The URL is never fetched (or fetched no further): not worth retrying. */
export class FetchRefused extends Error {
  readonly code = "fetch_refused";
}

/** The provider is down, slow, rate-limiting or answered nonsense: try again later. */
export class ProviderFault extends Error {
  readonly code = "provider_fault";
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export type FetcherOptions = {
  timeoutMs?: number;
  maxBytes?: number;
  /** a 429/503's Retry-After up to this long is waited out inside the call; longer ones throw ProviderFault */
  maxWaitMs?: number;
  /** least time between two requests to one provider */
  minIntervalMs?: number;
  cacheTtlMs?: number;
  cacheEntries?: number;
  userAgent?: string;
  /** DNS for "public" URLs (tests substitute one) */
  resolve?: (host: string) => Promise<string[]>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * TEST ONLY. For "public" URLs, after every check has passed (https, port 443, public
   * addresses), carry the exchange to this plain-HTTP socket instead of the checked address:
   * integration tests point it at a local fake instance. Only code can pass it (no env var);
   * sharedFetcher(), the one production uses, never does.
   */
  testOnlyDial?: (checked: { address: string; family: 4 | 6 }) => { host: string; port: number };
};

export const FETCH_TIMEOUT_MS = 5_000;
export const FETCH_MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;

/** Addresses a member-supplied host may never reach: loopback, private, link-local, CGNAT, multicast, reserved, and their IPv6 twins. */
const BLOCKED = (() => {
  const b = new net.BlockList();
  for (const [a, p] of [
    ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
    ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
    ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
  ] as const) b.addSubnet(a, p, "ipv4");
  for (const [a, p] of [
    ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["100::", 64], ["2001::", 32], ["2001:db8::", 32],
    ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
  ] as const) b.addSubnet(a, p, "ipv6");
  return b;
})();

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    // an IPv4-mapped IPv6 address is judged as the IPv4 address it carries
    // (BlockList matches IPv4 rules against ::ffff:a.b.c.d itself; other mapped forms are refused)
    if (/^::ffff:/i.test(address) && !/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) return false;
  }
  return !BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

async function systemResolve(host: string): Promise<string[]> {
  const all = await dns.lookup(host, { all: true, verbatim: true });
  return all.map((a) => a.address);
}

type CacheEntry = { until: number; value: SafeFetchResponse };

export type Fetcher = { fetch: (req: SafeFetchRequest) => Promise<SafeFetchResponse> };

export function createFetcher(o: FetcherOptions = {}): Fetcher {
  const timeoutMs = o.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = o.maxBytes ?? FETCH_MAX_BYTES;
  const maxWaitMs = o.maxWaitMs ?? 5_000;
  const minIntervalMs = o.minIntervalMs ?? 100;
  const cacheTtlMs = o.cacheTtlMs ?? 5 * 60_000;
  const cacheEntries = o.cacheEntries ?? 500;
  const userAgent = o.userAgent ?? "Rapport-evidence-check/1.0 (+https://github.com/rapport; checks public posts members log)";
  const resolve = o.resolve ?? systemResolve;
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const cache = new Map<string, CacheEntry>();
  /** per provider: the earliest time the next request may leave */
  const gate = new Map<string, number>();

  async function waitForGate(provider: string): Promise<void> {
    const at = gate.get(provider) ?? 0;
    const wait = at - now();
    if (wait > maxWaitMs) throw new ProviderFault(`${provider} asked us to wait ${Math.ceil(wait / 1000)} s`, wait);
    // claim the next slot before sleeping, so concurrent calls queue up behind each other
    gate.set(provider, Math.max(at, now()) + minIntervalMs);
    if (wait > 0) await sleep(wait);
  }

  async function fetchOnce(req: SafeFetchRequest): Promise<SafeFetchResponse & { limited: boolean; retryAfterMs: number | null }> {
    let url = parseUrl(req.url);
    const origin = url.origin;
    const pinned = req.trust === "public" ? await pinPublicAddress(url, resolve) : null;
    const deadline = now() + timeoutMs;
    for (let hop = 0; ; hop++) {
      const body = req.jsonBody === undefined ? null : JSON.stringify(req.jsonBody);
      const headers = { "user-agent": userAgent, accept: "application/json", ...(body === null ? {} : { "content-type": "application/json" }), ...req.headers };
      const res = await request(url, { headers, body, pinned, dial: pinned && o.testOnlyDial ? o.testOnlyDial(pinned) : null, deadline, maxBytes: req.maxBytes ?? maxBytes, now });
      if (res.location == null) {
        const at = now();
        const until = req.rateLimitedUntil?.(res.status, res.headers, new Date(at));
        if (until) return { status: res.status, body: res.body, limited: true, retryAfterMs: Math.max(0, until.getTime() - at) };
        const limited = res.status === 429 || res.status === 503;
        return { status: res.status, body: res.body, limited, retryAfterMs: parseRetryAfter(res.headers.get("retry-after"), at) };
      }
      // a redirect never turns a POST into something else: only reads follow one
      if (body !== null) throw new FetchRefused("a redirect of a query");
      if (hop >= MAX_REDIRECTS) throw new FetchRefused("too many redirects");
      let next: URL;
      try {
        next = new URL(res.location, url);
      } catch {
        throw new FetchRefused("a redirect to an address that is not a URL");
      }
      if (next.origin !== origin) throw new FetchRefused(`a redirect to another host (${next.host || next.protocol})`);
      url = next;
    }
  }

  return {
    async fetch(req) {
      const key = req.jsonBody === undefined ? req.url : `${req.url}\n${JSON.stringify(req.jsonBody)}`;
      const hit = req.fresh ? undefined : cache.get(key);
      if (hit && hit.until > now()) return hit.value;
      for (let attempt = 0; ; attempt++) {
        await waitForGate(req.provider);
        const res = await fetchOnce(req);
        if (res.limited) {
          const wait = res.retryAfterMs ?? (res.status === 429 ? 60_000 : null);
          if (wait != null) gate.set(req.provider, Math.max(gate.get(req.provider) ?? 0, now() + wait));
          if (attempt === 0 && wait != null && wait <= maxWaitMs) continue; // waitForGate sleeps it out
          throw new ProviderFault(`${req.provider} answered ${res.status}`, wait);
        }
        if (res.status >= 500) throw new ProviderFault(`${req.provider} answered ${res.status}`);
        const value = { status: res.status, body: res.body };
        if (res.status < 500) {
          cache.set(key, { until: now() + cacheTtlMs, value });
          if (cache.size > cacheEntries) cache.delete(cache.keys().next().value!);
        }
        return value;
      }
    },
  };
}

function parseUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new FetchRefused("not a URL");
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new FetchRefused(`the scheme ${u.protocol} is not allowed`);
  if (u.username || u.password) throw new FetchRefused("URLs with credentials are not fetched");
  return u;
}

/** For a member-supplied host: HTTPS, and every address it resolves to is public; returns the one to connect to. */
async function pinPublicAddress(url: URL, resolve: (host: string) => Promise<string[]>): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== "https:") throw new FetchRefused("only https:// addresses are fetched");
  if (url.port && url.port !== "443") throw new FetchRefused("only the standard HTTPS port is fetched");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new FetchRefused(`${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new FetchRefused(`${host} does not resolve`);
  const bad = addresses.find((a) => !isPublicAddress(a));
  if (bad) throw new FetchRefused(`${host} resolves to a private or reserved address (${bad})`);
  const address = addresses[0];
  return { address, family: net.isIP(address) === 6 ? 6 : 4 };
}

type Raw = { status: number; body: unknown; location: string | null; headers: Headers };

function request(
  url: URL,
  o: {
    headers: Record<string, string>;
    /** JSON to POST; null: a GET */
    body: string | null;
    pinned: { address: string; family: 4 | 6 } | null;
    dial: { host: string; port: number } | null;
    deadline: number;
    maxBytes: number;
    now: () => number;
  },
): Promise<Raw> {
  const remaining = o.deadline - o.now();
  if (remaining <= 0) return Promise.reject(new ProviderFault("timed out"));
  const mod = o.dial ? http : url.protocol === "https:" ? https : http;
  // (test only) the URL's host stays in the Host header; the socket goes to the fake
  const target: URL = o.dial ? new URL(`http://${o.dial.host}:${o.dial.port}${url.pathname}${url.search}`) : url;
  return new Promise<Raw>((resolvePromise, reject) => {
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const pinned = o.dial ? null : o.pinned;
    const req = mod.request(
      target,
      {
        method: o.body === null ? "GET" : "POST",
        headers: o.dial ? { ...o.headers, host: url.host } : o.headers,
        agent: false,
        // connect to the address that was checked, never to a fresh DNS answer
        ...(pinned ? { lookup: ((_h: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => (opts?.all ? cb(null, [{ address: pinned.address, family: pinned.family }]) : cb(null, pinned.address, pinned.family))) as never } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const header = (n: string) => {
          const v = res.headers[n];
          return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
        };
        if (status >= 300 && status < 400 && header("location")) {
          res.resume();
          return done(() => resolvePromise({ status, body: null, location: header("location"), headers: new Headers() }));
        }
        const declared = Number(header("content-length"));
        if (Number.isFinite(declared) && declared > o.maxBytes) {
          req.destroy();
          return done(() => reject(new FetchRefused(`the answer is larger than ${o.maxBytes} bytes`)));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size > o.maxBytes) {
            req.destroy();
            return done(() => reject(new FetchRefused(`the answer is larger than ${o.maxBytes} bytes`)));
          }
          chunks.push(c);
        });
        res.on("error", (e) => done(() => reject(new ProviderFault(`the answer broke off (${e.message})`))));
        res.on("end", () =>
          done(() => {
            const text = Buffer.concat(chunks).toString("utf8");
            let body: unknown = null;
            if (text.trim() !== "") {
              try {
                body = JSON.parse(text);
              } catch {
                if (status < 300) return reject(new ProviderFault("the answer is not JSON"));
              }
            }
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers.set(k, v);
            resolvePromise({ status, body, location: null, headers });
          }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done(() => reject(new ProviderFault("timed out")));
    }, remaining);
    req.on("error", (e) => done(() => reject(e instanceof FetchRefused ? e : new ProviderFault(`could not reach ${url.host} (${(e as Error).message})`))));
    req.end(o.body ?? undefined);
  });
}

/** Retry-After: delay-seconds or an HTTP date (RFC 9110 §10.2.3), as milliseconds from now. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

const holder = globalThis as unknown as { __rapportFetcher?: Fetcher };

/** The process's fetcher: one cache and one set of rate-limit gates for every check. */
export function sharedFetcher(): Fetcher {
  holder.__rapportFetcher ??= createFetcher();
  return holder.__rapportFetcher;
}
