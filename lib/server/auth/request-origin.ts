import "server-only";
import { publicUrl } from "@/lib/env";

/**
 * next-auth v4 builds its redirects and callback URLs from NEXTAUTH_URL; without it, from
 * http://localhost:3000 — wrong for `next dev -p 3001` or a LAN address. Production refuses
 * to start without NEXTAUTH_URL (instrumentation-node.ts). In development, next-auth is told
 * to take the origin from X-Forwarded-Host/-Proto (AUTH_TRUST_HOST), which is safe here
 * because proxy.ts overwrites both on every request with the origin it decided
 * (lib/security/request-origin.ts: a client's own forwarded headers count only behind a
 * trusted proxy). Setting process.env.NEXTAUTH_URL per request instead would race between
 * concurrent requests; this is one process-wide constant.
 */
export function deriveAuthOriginFromRequests(): void {
  if (!publicUrl()) process.env.AUTH_TRUST_HOST ??= "1";
}
