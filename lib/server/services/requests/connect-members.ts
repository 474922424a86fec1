import "server-only";
import type { Tx } from "@/lib/server/db";

/**
 * Stores the undirected pair once (smaller id first, as the schema requires). Idempotent:
 * connecting an already connected pair changes nothing.
 */
export async function connectMembers(tx: Tx, a: string, b: string, now: Date): Promise<void> {
  const [memberAId, memberBId] = a < b ? [a, b] : [b, a];
  await tx.connection.createMany({ data: [{ memberAId, memberBId, createdAt: now }], skipDuplicates: true });
}
