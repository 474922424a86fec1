import "server-only";
import type { Tx } from "@/lib/server/db";

/** The members the member blocked, newest first (never who blocked them: a block is not revealed). */
export async function listBlocksMade(db: Tx, { memberId }: { memberId: string }) {
  const rows = await db.block.findMany({
    where: { blockerId: memberId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, blocked: { select: { id: true, handle: true, name: true, headline: true } } },
  });
  return rows.map((r) => ({ ...r.blocked, blockedAt: r.createdAt }));
}
