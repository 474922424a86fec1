/**
 * How far forwarded headers may be believed: RAPPORT_TRUSTED_PROXY_HOPS is the number of
 * proxies in front of the app that set X-Forwarded-For / -Host / -Proto. Unset or 0 means
 * no proxy: a client can write those headers itself, so the public host and scheme come from
 * the request alone. No server-only import: proxy.ts runs this on every request.
 */
export function trustedProxyHops(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number.parseInt(env.RAPPORT_TRUSTED_PROXY_HOPS ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * The entry of a comma-separated forwarded header that the outermost trusted proxy wrote:
 * proxies append, so with `hops` of them the one `hops` from the end ("" when absent). What
 * the client wrote comes before it and is never picked.
 */
export function forwardedEntry(value: string | null, hops: number): string {
  const chain = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return chain.length ? chain[Math.max(0, chain.length - Math.max(1, hops))] : "";
}
