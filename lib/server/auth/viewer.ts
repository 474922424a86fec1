import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { isSuspendedAt } from "@/lib/warmup/suspension";

/**
 * The signed-in member as every request sees them, however they signed in (session cookie
 * or bearer token). No Next.js imports here: services (token authentication) use it too.
 */
export type Viewer = {
  id: string;
  handle: string;
  name: string;
  role: "member" | "admin";
  createdAt: Date;
  suspended: { reason: string | null; until: Date | null } | null;
  /** false until the member opens the link sent to their address (they cannot send requests until then) */
  emailVerified: boolean;
  /** IANA zone and date locale every date is shown in (lib/server/loaders/date-format.ts); locale null: the browser's */
  timeZone: string;
  dateLocale: string | null;
};

export const VIEWER_SELECT = {
  id: true,
  handle: true,
  name: true,
  role: true,
  createdAt: true,
  suspendedAt: true,
  suspendedUntil: true,
  suspendedReason: true,
  emailVerifiedAt: true,
  timeZone: true,
  dateLocale: true,
} as const;

export async function loadViewer(memberId: string, now: Date): Promise<Viewer | null> {
  const db = await getDb();
  const m = await db.member.findUnique({ where: { id: memberId }, select: VIEWER_SELECT });
  return m ? toViewer(m, now) : null;
}

/**
 * The member a session cookie belongs to, or null when the cookie was issued before their
 * sessions were ended (its version is not the member's current one). Cookies from before
 * session versions existed carry none and count as version 0.
 */
export async function loadSessionViewer(memberId: string, sessionVersion: number | undefined, now: Date): Promise<Viewer | null> {
  const db = await getDb();
  const m = await db.member.findUnique({ where: { id: memberId }, select: { ...VIEWER_SELECT, sessionVersion: true } });
  if (!m || m.sessionVersion !== (sessionVersion ?? 0)) return null;
  return toViewer(m, now);
}

/** A member row read with VIEWER_SELECT → the Viewer, suspension resolved at `now`. */
export function toViewer(m: Prisma.MemberGetPayload<{ select: typeof VIEWER_SELECT }>, now: Date): Viewer {
  const suspended = isSuspendedAt(m, now);
  return {
    id: m.id,
    handle: m.handle,
    name: m.name,
    role: m.role,
    createdAt: m.createdAt,
    suspended: suspended ? { reason: m.suspendedReason, until: m.suspendedUntil } : null,
    emailVerified: m.emailVerifiedAt !== null,
    timeZone: m.timeZone,
    dateLocale: m.dateLocale,
  };
}
