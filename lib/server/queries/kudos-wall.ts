import "server-only";
import type { Tx } from "@/lib/server/db";
import { blockedWith } from "@/lib/server/queries/feed";

export type KudosItem = {
  id: string;
  author: { id: string; handle: string; name: string; headline: string };
  body: string;
  createdAt: Date;
};

/** The kudos on a member's wall, newest first, without those by members in a block with the viewer. */
export async function listKudos(
  db: Tx,
  p: {
    recipientId: string;
    viewerId: string | null;
    limit?: number;
    /** the viewer's blockedWith(), when the page already read it */
    blocked?: Set<string>;
  },
): Promise<{ items: KudosItem[]; total: number }> {
  const blocked = p.blocked ?? (await blockedWith(db, p.viewerId));
  const where = { recipientId: p.recipientId, deletedAt: null, authorId: blocked.size ? { notIn: [...blocked] } : undefined };
  const [items, total] = await Promise.all([
    db.kudos.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: p.limit ?? 20,
      select: { id: true, body: true, createdAt: true, author: { select: { id: true, handle: true, name: true, headline: true } } },
    }),
    db.kudos.count({ where }),
  ]);
  return { items, total };
}
