import "server-only";
import type { Tx } from "@/lib/server/db";
import { cursorArgs, cutPage } from "./cursor-page";

export type AuditRow = {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  createdAt: Date;
  /** null: granted by the environment or the command line */
  actor: { id: string; handle: string; name: string } | null;
};

export const AUDIT_PAGE = 50;

/** The admin actions, newest first, by cursor (the last id of the previous page); two queries. */
export async function listAdminAudit(db: Tx, opts: { cursor?: string | null; take?: number } = {}): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
  const take = opts.take ?? AUDIT_PAGE;
  const cursorRow = opts.cursor ? await db.auditEvent.findUnique({ where: { id: opts.cursor }, select: { id: true } }) : null;
  const rows = await db.auditEvent.findMany({
    where: { action: { startsWith: "admin." } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorArgs(take, cursorRow?.id),
  });
  const { page, nextCursor } = cutPage(rows, take);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const actors = actorIds.length ? await db.member.findMany({ where: { id: { in: actorIds } }, select: { id: true, handle: true, name: true } }) : [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    items: page.map((r) => ({
      id: r.id,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      data: (r.data ?? {}) as Record<string, unknown>,
      createdAt: r.createdAt,
      actor: r.actorId ? (byId.get(r.actorId) ?? null) : null,
    })),
    nextCursor,
  };
}
