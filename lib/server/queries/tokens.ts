import "server-only";
import type { Tx } from "@/lib/server/db";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/validation/api/token";

export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  scopes: TokenScope[];
  expiresAt: Date | null;
};

/**
 * The member's tokens that were not revoked, newest first — expired ones included, so their
 * owner sees that they stopped working and can tidy them away. Never the hash: the secret
 * was shown once.
 */
export async function listTokens(db: Tx, p: { memberId: string }): Promise<TokenSummary[]> {
  const rows = await db.apiToken.findMany({
    where: { memberId: p.memberId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, lastUsedIp: true, scopes: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, scopes: TOKEN_SCOPES.filter((s) => r.scopes.includes(s)) }));
}
