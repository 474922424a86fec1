import "server-only";

/**
 * The client address as the nearest proxy reports it; "local" when there is none.
 *
 * Proxies append the address they saw to X-Forwarded-For, after whatever the client sent, so
 * only the last entries are trustworthy: with one proxy in front (the usual deployment) the
 * last one. The first entry is whatever the client wrote — trusting it would let a client
 * dodge per-address throttling by sending a new fake address each time. With more proxies
 * in a chain (e.g. a CDN in front of a load balancer), set RAPPORT_TRUSTED_PROXY_HOPS to
 * their number.
 */
export function clientIp(h: Headers, hops = trustedHops()): string {
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const seen = chain.length ? chain[Math.max(0, chain.length - hops)] : "";
  return seen || h.get("x-real-ip")?.trim() || "local";
}

function trustedHops(): number {
  const n = Number.parseInt(process.env.RAPPORT_TRUSTED_PROXY_HOPS ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}
