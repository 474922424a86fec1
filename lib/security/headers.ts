/**
 * The security headers of every response (pages and /api), built from plain inputs so they can be
 * unit-tested without Next.js (proxy.ts calls this once per request). Pure: no process.env,
 * no Date, no randomness — the caller passes the nonce and the environment facts.
 */
export type SecurityHeaderInput = {
  /** a fresh, unguessable value per request (Next.js copies it onto its own script tags) */
  nonce: string;
  /** NODE_ENV === "production" */
  production: boolean;
  /** the public URL (NEXTAUTH_URL), "" when not configured */
  publicUrl: string;
};

export function buildContentSecurityPolicy({ nonce, production, publicUrl }: SecurityHeaderInput): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script may load more; inline handlers and
    // injected <script> tags without the nonce never run. Dev needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    // Inline style attributes carry progress-bar widths; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps(publicUrl) ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * HSTS only when browsers reach us over https: in production with an https public URL, or in
 * production with no URL configured (a production deployment is assumed to sit behind TLS).
 * Never for an explicit http:// URL (a local `next start`), never in development.
 */
export function wantsHsts({ production, publicUrl }: Omit<SecurityHeaderInput, "nonce">): boolean {
  if (!production) return false;
  return publicUrl === "" || isHttps(publicUrl);
}

export function buildSecurityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": buildContentSecurityPolicy(input),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  };
  if (wantsHsts(input)) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

/**
 * The headers of every /api response: JSON is never a document, so it may load nothing and
 * be framed by nobody; the rest as for pages.
 */
export function buildApiSecurityHeaders(input: Omit<SecurityHeaderInput, "nonce">): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
  };
  if (wantsHsts(input)) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

/** A per-request nonce: 128 random bits, base64 (Web Crypto, so it runs in any runtime). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

const HSTS = "max-age=63072000; includeSubDomains";

const isHttps = (url: string) => url.trim().toLowerCase().startsWith("https://");
