import "server-only";
import { cookies } from "next/headers";
import { sign, signatureMatches } from "./factor-seal";
import { secureCookies } from "./cookies";

/**
 * Between a correct password and the second factor: a short-lived signed token (not a
 * session) naming the member and the session version it was issued at. Only the second-step
 * page accepts it; it grants nothing else. Signing out everywhere (a bumped session version)
 * voids it too.
 */
export const PENDING_MAX_AGE_SECONDS = 5 * 60;
const INFO = "pending sign-in v1";

export const pendingCookieName = () => (secureCookies() ? "__Secure-rapport.pending-2fa" : "rapport.pending-2fa");

export type PendingSignIn = { memberId: string; sessionVersion: number; expiresAt: Date };

export function issuePendingToken({ memberId, sessionVersion, now }: { memberId: string; sessionVersion: number; now: Date }): string {
  const payload = Buffer.from(JSON.stringify({ m: memberId, v: sessionVersion, e: now.getTime() + PENDING_MAX_AGE_SECONDS * 1000 })).toString("base64url");
  return `${payload}.${sign(INFO, payload)}`;
}

/** The pending sign-in, or null when the token is missing, forged or expired. */
export function readPendingToken(token: string | undefined | null, now: Date): PendingSignIn | null {
  if (!token) return null;
  const [payload, signature] = token.split(".");
  if (!payload || !signature || !signatureMatches(INFO, payload, signature)) return null;
  try {
    const { m, v, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { m: unknown; v: unknown; e: unknown };
    if (typeof m !== "string" || typeof v !== "number" || typeof e !== "number" || e <= now.getTime()) return null;
    return { memberId: m, sessionVersion: v, expiresAt: new Date(e) };
  } catch {
    return null;
  }
}

/**
 * Sets the pending cookie: a password (sign-in action) or an OAuth provider (the next-auth
 * signIn callback, a route handler) was right, and the second step still has to be.
 */
export async function setPendingSignInCookie({ memberId, sessionVersion, now }: { memberId: string; sessionVersion: number; now: Date }): Promise<void> {
  (await cookies()).set(pendingCookieName(), issuePendingToken({ memberId, sessionVersion, now }), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: PENDING_MAX_AGE_SECONDS,
  });
}
