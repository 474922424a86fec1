import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { systemNow } from "@/lib/server/clock";
import { AppError } from "@/lib/server/errors";
import { authOptions } from "./options";
import { SESSION_MAX_AGE, sessionCookieName, secureCookies } from "./cookies";
import { authSecret } from "./secret";
import { SESSION_VERSION_CLAIM } from "./session-version";
import { loadSessionViewer, type Viewer } from "./viewer";

const testSeam = globalThis as unknown as { __rapportTestViewer?: Viewer | null };

/**
 * Test-only: make getViewer() answer `viewer` (null: signed out) without a request or a
 * session cookie, so server actions can be called outside Next.js; undefined restores the
 * real lookup. Ignored unless NODE_ENV is "test" (vitest sets it).
 */
export function setViewerForTests(viewer: Viewer | null | undefined): void {
  if (process.env.NODE_ENV !== "test") throw new Error("setViewerForTests is for tests only.");
  testSeam.__rapportTestViewer = viewer;
}

/** The signed-in member for this request (or null), read once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  if (process.env.NODE_ENV === "test" && testSeam.__rapportTestViewer !== undefined) return testSeam.__rapportTestViewer;
  // Reading the session makes the page dynamic. Without a session cookie (every signed-out
  // request) there is nothing to decrypt: next-auth's whole handler is skipped. The cookie may be
  // chunked ("<name>.0", "<name>.1", …) when large.
  const jar = await cookies();
  const name = sessionCookieName();
  if (!jar.get(name) && !jar.get(`${name}.0`)) return null;
  const session = (await getServerSession(authOptions())) as { memberId?: string; sessionVersion?: number } | null;
  if (!session?.memberId) return null;
  return loadSessionViewer(session.memberId, session.sessionVersion, systemNow());
});

/** For server actions and route handlers: the active member, or an AppError. */
export async function requireMember(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Please sign in to continue.");
  if (viewer.suspended) throw new AppError("suspended", "Your account is suspended.");
  return viewer;
}

/** For pages: the active member, or a redirect to sign-in / the suspension notice. */
export async function requireMemberPage(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const path = (await headers()).get("x-rapport-path") ?? "/";
    redirect(`/signin?next=${encodeURIComponent(path)}`);
  }
  if (viewer.suspended) redirect("/suspended");
  return viewer;
}

export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireMember();
  // Admin pages do not exist for anyone else.
  if (viewer.role !== "admin") throw new AppError("not_found", "That page could not be found.");
  return viewer;
}

/**
 * Starts a session for the member by setting the same JWT cookie next-auth reads, stamped with
 * the member's current session version (a later "sign out everywhere" ends it).
 */
export async function startSession(memberId: string, sessionVersion: number): Promise<void> {
  const token = await encode({ token: { sub: memberId, [SESSION_VERSION_CLAIM]: sessionVersion }, secret: authSecret(), maxAge: SESSION_MAX_AGE });
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: SESSION_MAX_AGE,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  jar.delete(sessionCookieName());
}
