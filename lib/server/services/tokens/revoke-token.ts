import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/**
 * Revokes one of the member's tokens; it stops working at once. Ownership is part of the
 * update's `where`: someone else's token id is simply not found. Revoking twice is fine.
 */
export async function revokeToken(db: Db, { memberId, tokenId, now }: { memberId: string; tokenId: string; now: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, memberId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) {
      const mine = await tx.apiToken.findFirst({ where: { id: tokenId, memberId }, select: { id: true } });
      if (!mine) throw notFound("That token");
      return;
    }
    await recordAudit(tx, { actorId: memberId, action: "token.revoked", subjectType: "api_token", subjectId: tokenId, at: now });
  });
}
