import { NextResponse, type NextRequest } from "next/server";
import { publicUrl } from "@/lib/env";
import { crossSiteWrite, malformedPath } from "@/lib/security/edge-refusals";
import { buildApiSecurityHeaders, buildSecurityHeaders, newNonce } from "@/lib/security/headers";
import { isWellFormedPath } from "@/lib/security/path-encoding";
import { trustedProxyHops } from "@/lib/security/proxy-trust";
import { isSameOrigin, requestOrigin, type RequestFacts } from "@/lib/security/request-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before every page and every /api route:
 * - a path with broken percent-encoding is refused with 400 (Next.js answered 500);
 * - X-Forwarded-Host/-Proto are replaced by the origin decided in lib/security/request-origin.ts;
 * - /api gets its security headers (the routes set them too: most /api paths skip the proxy,
 *   see `config`); who may call it is decided by the route
 *   (lib/server/api/auth.ts: bearer tokens need no Origin, cookie writes need our own);
 * - a page write (a server action, a form post) must come from our own pages (403 otherwise);
 * - pages get a fresh CSP nonce (Next.js reads it from the request's Content-Security-Policy
 *   header and puts it on its own scripts), the security headers (lib/security/headers.ts),
 *   and the path for sign-in redirects.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname; // raw: still percent-encoded
  const production = process.env.NODE_ENV === "production";
  const facts = { url: request.url, headers: request.headers, hops: trustedProxyHops() };

  if (path === "/api" || path.startsWith("/api/")) {
    const headers = buildApiSecurityHeaders({ production, publicUrl: publicUrl() });
    if (!isWellFormedPath(path)) return malformedPath(path, true, headers);
    return passOn(forwardedAsDecided(facts), headers);
  }

  const nonce = newNonce();
  const headers = buildSecurityHeaders({ nonce, production, publicUrl: publicUrl() });
  if (!isWellFormedPath(path)) return malformedPath(path, false, headers);
  const write = !SAFE_METHODS.has(request.method.toUpperCase());
  if (write && !isSameOrigin({ ...facts, publicUrl: publicUrl() })) return crossSiteWrite(path, request.method, headers);

  const requestHeaders = forwardedAsDecided(facts);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  requestHeaders.set("x-rapport-path", path + request.nextUrl.search);
  return passOn(requestHeaders, headers);
}

/**
 * The request's headers with X-Forwarded-Host/-Proto replaced by the origin decided here, so
 * whatever reads them downstream (Next.js's own server-action origin check, next-auth in
 * development) cannot be fooled by a client writing them itself.
 */
function forwardedAsDecided(facts: RequestFacts): Headers {
  const origin = new URL(requestOrigin(facts));
  const headers = new Headers(facts.headers);
  headers.set("x-forwarded-host", origin.host);
  headers.set("x-forwarded-proto", origin.protocol.replace(/:$/, ""));
  return headers;
}

function passOn(requestHeaders: Headers, responseHeaders: Record<string, string>) {
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(responseHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every request but static files, and but /api/v1 and /api/health paths without a percent
  // sign: nothing to check there (the routes decide who may call them and set their own
  // security headers, lib/server/api/security-headers.ts), and skipping the proxy saves each
  // API request ~1.4 ms of CPU. The matcher sees the raw path, so any escape, broken or not,
  // still comes through the checks. No header (next-router-prefetch included) skips them.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/[^%]*$|api/health$).*)"],
};
