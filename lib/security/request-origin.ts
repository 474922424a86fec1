import { forwardedEntry } from "./proxy-trust";

/**
 * The one place that decides a request's public origin (scheme and host as the browser saw
 * them) and whether a request came from our own pages. X-Forwarded-Host / -Proto count only
 * behind trusted proxies (`hops` > 0, lib/security/proxy-trust.ts). Pure: called by proxy.ts
 * (which hands the result on as X-Forwarded-Host/-Proto to Next.js and next-auth) and by the
 * API's cookie check (lib/server/api/auth.ts).
 */
export type RequestFacts = { url: string; headers: Headers; hops: number };

export function requestOrigin({ url, headers, hops }: RequestFacts): string {
  const own = new URL(url);
  const host = (hops > 0 && forwardedEntry(headers.get("x-forwarded-host"), hops)) || headers.get("host") || own.host;
  return `${scheme(own, headers, hops)}://${host.toLowerCase()}`;
}

/**
 * Next.js builds the URL it hands us with https whenever X-Forwarded-Proto mentions https,
 * whoever sent it. Without a trusted proxy, then, only an https seen with no such header is
 * the connection's own (Next.js serving TLS itself); otherwise the connection is plain http.
 */
function scheme(own: URL, headers: Headers, hops: number): string {
  const ownScheme = own.protocol.replace(/:$/, "");
  const claimed = headers.get("x-forwarded-proto");
  if (hops === 0) return claimed === null ? ownScheme : "http";
  const forwarded = forwardedEntry(claimed, hops).toLowerCase();
  return forwarded === "https" || forwarded === "http" ? forwarded : ownScheme;
}

/**
 * A browser's write comes from our own pages when its Origin names this host (as the request
 * or a trusted proxy reports it, or the configured public URL); a browser that sends no
 * Origin must say `Sec-Fetch-Site: same-origin`. Browsers send one or the other on every
 * cross-site POST, so a request with neither is refused too.
 */
export function isSameOrigin(facts: RequestFacts & { publicUrl: string }): boolean {
  const origin = facts.headers.get("origin");
  if (origin === null) return facts.headers.get("sec-fetch-site") === "same-origin";
  const originHost = hostOf(origin);
  if (!originHost) return false; // "null" (sandboxed frames, some redirects) or garbage
  return [requestOrigin(facts), facts.url, facts.publicUrl].some((u) => hostOf(u) === originHost);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}
