import "server-only";
import type { Tx } from "@/lib/server/db";

/** True when either member blocked the other: they cannot interact in any way. */
export async function isBlockedEither(tx: Tx, a: string, b: string): Promise<boolean> {
  if (a === b) return false;
  const row = await tx.block.findFirst({
    where: { OR: [{ blockerId: a, blockedId: b }, { blockerId: b, blockedId: a }] },
    select: { blockerId: true },
  });
  return row !== null;
}
