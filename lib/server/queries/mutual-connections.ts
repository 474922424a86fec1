import "server-only";
import type { Tx } from "@/lib/server/db";

export type MutualConnection = { id: string; handle: string; name: string; headline: string };

const connectedTo = (memberId: string) => ({
  OR: [{ connectionsA: { some: { memberBId: memberId } } }, { connectionsB: { some: { memberAId: memberId } } }],
});

/** Members connected to both a and b, in one query (two EXISTS per candidate), plus how many in all. */
export async function findMutualConnections(
  db: Tx,
  p: { a: string; b: string; take?: number },
): Promise<{ members: MutualConnection[]; total: number }> {
  const { a, b } = p;
  const where = { AND: [connectedTo(a), connectedTo(b)], id: { notIn: [a, b] } };
  const [members, total] = await Promise.all([
    db.member.findMany({ where, select: { id: true, handle: true, name: true, headline: true }, orderBy: { name: "asc" }, take: p.take ?? 12 }),
    db.member.count({ where }),
  ]);
  return { members, total };
}
