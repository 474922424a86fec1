import "server-only";
import { forwardedEntry, trustedProxyHops } from "@/lib/security/proxy-trust";

/**
 * The client address as the nearest proxy reports it; "local" when there is none.
 *
 * Proxies append the address they saw to X-Forwarded-For, after whatever the client sent, so
 * only the last entries are trustworthy: with one proxy in front (the usual deployment) the
 * last one. The first entry is whatever the client wrote — trusting it would let a client
 * dodge per-address throttling by sending a new fake address each time. With more proxies
 * in a chain (e.g. a CDN in front of a load balancer), set RAPPORT_TRUSTED_PROXY_HOPS to
 * their number. With none configured (0, the default) it is still the last entry: Next.js
 * itself fills X-Forwarded-For with the socket's address when the client sent none.
 */
export function clientIp(h: Headers, hops = trustedProxyHops()): string {
  return forwardedEntry(h.get("x-forwarded-for"), hops) || h.get("x-real-ip")?.trim() || "local";
}
