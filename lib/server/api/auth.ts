import "server-only";
import { decode } from "next-auth/jwt";
import { AppError } from "@/lib/server/errors";
import { loadSessionViewer, type Viewer } from "@/lib/server/auth/viewer";
import { sessionCookieName } from "@/lib/server/auth/cookies";
import { authSecret } from "@/lib/server/auth/secret";
import { publicUrl } from "@/lib/env";
import { trustedProxyHops } from "@/lib/security/proxy-trust";
import { isSameOrigin } from "@/lib/security/request-origin";
import { authenticateToken } from "@/lib/server/services/tokens/authenticate-token";
import { clientIp } from "@/lib/server/request-ip";
import type { TokenScope } from "@/lib/validation/api/token";
import { getDb } from "@/lib/server/db";
import { sessionVersionOf } from "@/lib/server/auth/session-version";

/**
 * A token caller carries the token's scopes; a session caller is not limited by scopes (it is
 * the member at their own browser, who can do everything the pages let them do).
 */
export type ApiCaller = { viewer: Viewer; via: "token"; tokenId: string; scopes: readonly TokenScope[] } | { viewer: Viewer; via: "session" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is calling: a bearer token (`Authorization: Bearer rpt_…`) or the browser session
 * cookie. Reads the Request itself (not next/headers), so route handlers work the same when
 * tests call them directly. Returns null when neither is present; throws when a credential
 * is present but wrong, when the account is suspended, and when a cookie-authenticated write
 * comes from another site.
 */
export async function authenticate(req: Request, now: Date): Promise<ApiCaller | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw new AppError("unauthenticated", "Send your token as `Authorization: Bearer <token>`.");
    const found = await authenticateToken(await getDb(), { token: m[1], now, ip: clientIp(req.headers) });
    if (!found.ok && found.reason === "expired") {
      throw new AppError(
        "token_expired",
        `That token expired on ${found.expiredAt.toISOString().slice(0, 10)}. Create a new one in Settings → API tokens (and revoke this one).`,
        { details: { expiredAt: found.expiredAt.toISOString() } },
      );
    }
    if (!found.ok) throw new AppError("unauthenticated", "That token is not valid, or it was revoked. Create a new one in Settings → API tokens.");
    return active({ viewer: found.viewer, via: "token", tokenId: found.tokenId, scopes: found.scopes });
  }

  const session = readCookie(req.headers.get("cookie"), sessionCookieName());
  if (!session) return null;
  const jwt = await decode({ token: session, secret: authSecret() }).catch(() => null);
  const viewer = jwt?.sub ? await loadSessionViewer(jwt.sub, sessionVersionOf(jwt), now) : null;
  if (!viewer) return null; // an expired, ended or foreign cookie is the same as no cookie
  if (!SAFE_METHODS.has(req.method.toUpperCase()) && !isSameOriginWrite(req)) {
    throw new AppError(
      "forbidden",
      "Cross-site requests can't use your browser session. Use a personal access token (Authorization: Bearer …) instead.",
    );
  }
  return active({ viewer, via: "session" });
}

function active(caller: ApiCaller): ApiCaller {
  if (caller.viewer.suspended) {
    const until = caller.viewer.suspended.until;
    throw new AppError("suspended", until ? `Your account is suspended until ${until.toISOString().slice(0, 10)}.` : "Your account is suspended.");
  }
  return caller;
}

/**
 * A token must carry the scope the operation declares (lib/server/api/spec/*); a session
 * caller is not limited by scopes. Refused as 403 `insufficient_scope`, naming the scope.
 */
export function requireScope(caller: ApiCaller, scope: TokenScope): void {
  if (caller.via !== "token" || caller.scopes.includes(scope)) return;
  throw new AppError(
    "insufficient_scope",
    `This token can't do that: it needs the “${scope}” scope, and it has ${caller.scopes.map((s) => `“${s}”`).join(", ") || "none"}. Create a token with “${scope}” in Settings → API tokens.`,
    { details: { requiredScope: scope, tokenScopes: [...caller.scopes] } },
  );
}

/**
 * Cookie-authenticated writes must come from our own pages (lib/security/request-origin.ts):
 * X-Forwarded-Host counts only behind a configured proxy (RAPPORT_TRUSTED_PROXY_HOPS).
 */
function isSameOriginWrite(req: Request): boolean {
  return isSameOrigin({ url: req.url, headers: req.headers, hops: trustedProxyHops(), publicUrl: publicUrl() });
}

/** One cookie's value from a Cookie header, joining next-auth's chunked form (name.0, name.1, …). */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  const jar = new Map<string, string>();
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const key = part.slice(0, i).trim();
    const raw = part.slice(i + 1).trim();
    try {
      jar.set(key, decodeURIComponent(raw));
    } catch {
      jar.set(key, raw);
    }
  }
  const whole = jar.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let n = 0; jar.has(`${name}.${n}`); n++) chunks.push(jar.get(`${name}.${n}`)!);
  return chunks.length ? chunks.join("") : null;
}
