import { NextResponse, type NextRequest } from "next/server";
import { publicUrl } from "@/lib/env";
import { crossSiteWrite, malformedPath } from "@/lib/security/edge-refusals";
import { buildApiSecurityHeaders, buildSecurityHeaders, newNonce } from "@/lib/security/headers";
import { isWellEncodedPath } from "@/lib/security/path-encoding";
import { trustedProxyHops } from "@/lib/security/proxy-trust";
import { isSameOrigin } from "@/lib/security/request-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before every page and every /api route:
 * - a path with broken percent-encoding is refused with 400 (Next.js answered 500);
 * - /api gets its security headers; who may call it is decided by the route
 *   (lib/server/api/auth.ts: bearer tokens need no Origin, cookie writes need our own);
 * - a page write (a server action, a form post) must come from our own pages (403 otherwise);
 * - pages get a fresh CSP nonce (Next.js reads it from the request's Content-Security-Policy
 *   header and puts it on its own scripts), the security headers (lib/security/headers.ts),
 *   and the path for sign-in redirects.
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname; // raw: still percent-encoded
  const production = process.env.NODE_ENV === "production";
  const api = path === "/api" || path.startsWith("/api/");

  if (api) {
    const headers = buildApiSecurityHeaders({ production, publicUrl: publicUrl() });
    if (!isWellEncodedPath(path)) return malformedPath(path, true, headers);
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }

  const nonce = newNonce();
  const headers = buildSecurityHeaders({ nonce, production, publicUrl: publicUrl() });
  if (!isWellEncodedPath(path)) return malformedPath(path, false, headers);
  const write = !SAFE_METHODS.has(request.method.toUpperCase());
  if (write && !isSameOrigin({ url: request.url, headers: request.headers, hops: trustedProxyHops(), publicUrl: publicUrl() })) {
    return crossSiteWrite(path, request.method, headers);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  requestHeaders.set("x-rapport-path", path + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every request but static files: no header (next-router-prefetch included) may skip the
  // path and origin checks.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
