import "server-only";
import type { Db } from "@/lib/db/create-client";

export type TokenSummary = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null };

/** The member's active tokens, newest first. Never the hash: the secret was shown once. */
export async function listTokens(db: Db, { memberId }: { memberId: string }): Promise<TokenSummary[]> {
  return db.apiToken.findMany({
    where: { memberId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}
