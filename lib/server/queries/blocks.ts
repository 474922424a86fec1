import "server-only";
import type { Tx } from "@/lib/server/db";

export type BlockMade = { id: string; handle: string; name: string; headline: string; blockedAt: Date };

/**
 * The members the member blocked, newest first (never who blocked them: a block is not
 * revealed). The web page reads them all; the API pages with `take` and `after` (the last
 * item of the previous page): a keyset on when, then whom, so a block lifted between two
 * pages loses nobody's place.
 */
export async function listBlocksMade(
  db: Tx,
  { memberId, after, take }: { memberId: string; after?: { blockedAt: Date; id: string } | null; take?: number },
): Promise<BlockMade[]> {
  const rows = await db.block.findMany({
    where: {
      blockerId: memberId,
      ...(after ? { OR: [{ createdAt: { lt: after.blockedAt } }, { createdAt: after.blockedAt, blockedId: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { blockedId: "desc" }],
    ...(take ? { take } : {}),
    select: { createdAt: true, blocked: { select: { id: true, handle: true, name: true, headline: true } } },
  });
  return rows.map((r) => ({ ...r.blocked, blockedAt: r.createdAt }));
}
