import { NextResponse, type NextRequest } from "next/server";
import { publicUrl } from "@/lib/env";
import { buildSecurityHeaders, newNonce } from "@/lib/security/headers";

/**
 * Runs before every page: a fresh CSP nonce per request (Next.js reads it from the request's
 * Content-Security-Policy header and puts it on its own scripts), the security headers
 * (lib/security/headers.ts), and the path for sign-in redirects.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = buildSecurityHeaders({ nonce, production: process.env.NODE_ENV === "production", publicUrl: publicUrl() });
  const csp = headers["Content-Security-Policy"];

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-rapport-path", request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
