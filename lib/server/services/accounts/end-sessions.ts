import "server-only";
import type { Tx } from "@/lib/server/db";

/**
 * Ends every session of the member at once: each session cookie carries the version it was
 * issued at (lib/server/auth/options.ts, session.ts), and a cookie whose version is not the
 * member's current one counts as signed out. Runs in the caller's transaction; returns the new
 * version, for re-issuing the cookie of the browser that asked. Bearer API tokens are not
 * sessions and keep working.
 */
export async function endAllSessions(tx: Tx, memberId: string): Promise<number> {
  const { sessionVersion } = await tx.member.update({
    where: { id: memberId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}
