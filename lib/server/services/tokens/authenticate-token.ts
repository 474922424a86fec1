import "server-only";
import type { Db } from "@/lib/db/create-client";
import { toViewer, VIEWER_SELECT, type Viewer } from "@/lib/server/auth/viewer";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/validation/api/token";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { hashToken, looksLikeToken } from "./token-secret";

/** lastUsedAt is a hint for people, not an audit log: one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** An expired token still in use is audited, at most once a day per token (a forgotten script retries all day). */
const EXPIRED_AUDIT_RESOLUTION_MS = 24 * 60 * 60_000;

export type TokenAuthentication =
  | { ok: true; viewer: Viewer; tokenId: string; scopes: TokenScope[] }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; expiredAt: Date };

/**
 * The member a bearer token belongs to (as the Viewer, read in the same statement) with the
 * token's scopes; or why not: malformed, unknown or revoked ("invalid"), or past its expiry
 * ("expired", so the caller can say so plainly). The lookup is by the SHA-256 of the token
 * (unique index), so no secret is ever compared in application code.
 *
 * "Reads never write" — the one deliberate exception. Every authenticated call, GETs
 * included, may record when and from where the token was last used, because that is how a
 * member spots a token they forgot or one that leaked (/settings/tokens). It is kept from
 * becoming a write per read: the UPDATE is conditional on the stored time being a minute old,
 * so a token costs at most one small row write a minute however hard it is used, parallel
 * requests in that minute write at most once between them, and nothing the request reads
 * depends on it. It touches only the token's own bookkeeping columns, never domain data.
 */
export async function authenticateToken(db: Db, { token: raw, now, ip }: { token: string; now: Date; ip?: string | null }): Promise<TokenAuthentication> {
  if (!looksLikeToken(raw)) return { ok: false, reason: "invalid" };
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: { id: true, revokedAt: true, lastUsedAt: true, expiresAt: true, scopes: true, member: { select: VIEWER_SELECT } },
  });
  if (!row || row.revokedAt) return { ok: false, reason: "invalid" };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    await auditExpiredUse(db, { tokenId: row.id, memberId: row.member.id, lastUsedAt: row.lastUsedAt, expiredAt: row.expiresAt, now, ip });
    return { ok: false, reason: "expired", expiredAt: row.expiresAt };
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db.apiToken.updateMany({
      where: { id: row.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now, lastUsedIp: ip ?? null },
    });
  }
  const scopes = TOKEN_SCOPES.filter((s) => row.scopes.includes(s));
  return { ok: true, viewer: toViewer(row.member, now), tokenId: row.id, scopes };
}

/**
 * Someone still uses an expired token: audited (`token.expired_used`, with the address), at most
 * once a day per token. Once a token has expired its lastUsedAt records these refused uses, and
 * the same conditional UPDATE as above claims the day, so parallel retries write one row.
 */
async function auditExpiredUse(
  db: Db,
  p: { tokenId: string; memberId: string; lastUsedAt: Date | null; expiredAt: Date; now: Date; ip?: string | null },
): Promise<void> {
  const since = new Date(p.now.getTime() - EXPIRED_AUDIT_RESOLUTION_MS);
  if (p.lastUsedAt && p.lastUsedAt > since && p.lastUsedAt >= p.expiredAt) return;
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: p.tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: since } }, { lastUsedAt: { lt: p.expiredAt } }] },
      data: { lastUsedAt: p.now, lastUsedIp: p.ip ?? null },
    });
    if (count === 1) {
      await recordAudit(tx, {
        actorId: p.memberId,
        action: "token.expired_used",
        subjectType: "api_token",
        subjectId: p.tokenId,
        data: { expiredAt: p.expiredAt.toISOString(), ip: p.ip ?? null },
        at: p.now,
      });
    }
  });
}
