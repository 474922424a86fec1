import "server-only";
import type { Tx } from "@/lib/server/db";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * Stores the undirected pair once (smaller id first, as the schema requires). Idempotent:
 * connecting an already connected pair changes nothing. Runs in the caller's transaction,
 * which must have settled the request first: the pair's summaries are rewritten here.
 */
export async function connectMembers(tx: Tx, p: { a: string; b: string; now: Date }): Promise<void> {
  const [memberAId, memberBId] = p.a < p.b ? [p.a, p.b] : [p.b, p.a];
  await tx.connection.createMany({ data: [{ memberAId, memberBId, createdAt: p.now }], skipDuplicates: true });
  await refreshPairs(tx, { pairs: [[memberAId, memberBId]], now: p.now });
}
