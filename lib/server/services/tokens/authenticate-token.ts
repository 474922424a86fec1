import "server-only";
import type { Db } from "@/lib/db/create-client";
import { toViewer, VIEWER_SELECT, type Viewer } from "@/lib/server/auth/viewer";
import { hashToken, looksLikeToken } from "./token-secret";

/** lastUsedAt is a hint for people, not an audit log: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The member a bearer token belongs to (as the Viewer, read in the same statement), or null
 * when it is malformed, unknown or revoked. The lookup is by the SHA-256 of the token
 * (unique index), so no secret is ever compared in application code.
 */
export async function authenticateToken(db: Db, { token: raw, now }: { token: string; now: Date }): Promise<Viewer | null> {
  if (!looksLikeToken(raw)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: { id: true, revokedAt: true, lastUsedAt: true, member: { select: VIEWER_SELECT } },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so parallel requests in the same minute write at most once between them.
    await db.apiToken.updateMany({
      where: { id: row.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return toViewer(row.member, now);
}
