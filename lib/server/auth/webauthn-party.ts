import "server-only";
import { publicUrl } from "@/lib/env";

/**
 * The WebAuthn relying party: the site's origin and its host name (the RP ID). With
 * NEXTAUTH_URL set (production), both come from it; in development from the origin proxy.ts
 * decided for the request (it overwrites X-Forwarded-Host/-Proto on every request, so a client
 * cannot choose it). A passkey is bound to the RP ID: one made on localhost does not work on
 * another host.
 */
export type RelyingParty = { name: string; id: string; origin: string };

export function relyingParty(headers: Headers): RelyingParty {
  const configured = publicUrl();
  const origin = configured
    ? new URL(configured).origin
    : `${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost"}`;
  return { name: "Rapport", id: new URL(origin).hostname, origin };
}
