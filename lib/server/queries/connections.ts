import "server-only";
import type { Tx } from "@/lib/server/db";

export type ConnectionItem = { id: string; handle: string; name: string; headline: string; since: Date };

export const CONNECTIONS_PAGE = 50;

/**
 * The viewer's connections, newest first, optionally filtered by name or handle
 * (case-insensitive, on the server). One query for the page, one for the total.
 */
export async function listConnections(
  db: Tx,
  p: { viewerId: string; q?: string; page?: number },
): Promise<{ items: ConnectionItem[]; total: number; page: number; pages: number }> {
  const { viewerId } = p;
  const q = p.q?.trim().replace(/^@/, "") ?? "";
  const match = q
    ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { handle: { contains: q.toLowerCase() } }] }
    : {};
  const where = {
    OR: [
      { memberAId: viewerId, memberB: match },
      { memberBId: viewerId, memberA: match },
    ],
  };
  const page = Math.max(1, p.page ?? 1);
  const member = { select: { id: true, handle: true, name: true, headline: true } } as const;
  const [rows, total] = await Promise.all([
    db.connection.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { memberAId: "asc" }, { memberBId: "asc" }],
      skip: (page - 1) * CONNECTIONS_PAGE,
      take: CONNECTIONS_PAGE,
      select: { memberAId: true, createdAt: true, memberA: member, memberB: member },
    }),
    db.connection.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({ ...(r.memberAId === viewerId ? r.memberB : r.memberA), since: r.createdAt })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / CONNECTIONS_PAGE)),
  };
}
