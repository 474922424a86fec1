import "server-only";
import { isSuspendedAt } from "@/lib/warmup/suspension";
import type { Tx } from "@/lib/server/db";

export type AdminMemberRow = {
  id: string;
  handle: string;
  name: string;
  email: string;
  role: "member" | "admin";
  createdAt: Date;
  suspended: { at: Date; until: Date | null; reason: string | null } | null;
  openReports: number;
};

export const MEMBER_SEARCH_LIMIT = 30;

/**
 * Members for the admin's search (handle, name or email contains the text; everyone when
 * empty, suspended first, then newest). Two queries whatever the page size.
 */
export async function searchMembersForAdmin(db: Tx, p: { q: string; now: Date }): Promise<AdminMemberRow[]> {
  const { q, now } = p;
  const text = q.trim().replace(/^@/, "");
  const rows = await db.member.findMany({
    where: text
      ? {
          OR: [
            { handle: { contains: text.toLowerCase() } },
            { name: { contains: text, mode: "insensitive" } },
            { email: { contains: text.toLowerCase() } },
          ],
        }
      : {},
    orderBy: [{ suspendedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    take: MEMBER_SEARCH_LIMIT,
    select: { id: true, handle: true, name: true, email: true, role: true, createdAt: true, suspendedAt: true, suspendedUntil: true, suspendedReason: true },
  });
  const counts = rows.length
    ? await db.report.groupBy({
        by: ["subjectId"],
        where: { status: "open", subjectType: "member", subjectId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      })
    : [];
  const countBy = new Map(counts.map((c) => [c.subjectId, c._count._all]));
  return rows.map((m) => ({
    id: m.id,
    handle: m.handle,
    name: m.name,
    email: m.email,
    role: m.role,
    createdAt: m.createdAt,
    suspended:
      m.suspendedAt && isSuspendedAt(m, now)
        ? { at: m.suspendedAt, until: m.suspendedUntil, reason: m.suspendedReason }
        : null,
    openReports: countBy.get(m.id) ?? 0,
  }));
}
