import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { blockedWith, decodeCursor, encodeCursor } from "@/lib/server/queries/feed";
import { LOGGED_SELECT } from "@/lib/server/queries/interactions-list";
import type { ZLoggedInteraction } from "@/lib/validation/api/interaction";
import { badCursor } from "./cursor";
import { iso, isoOrNull, ref } from "./present/common";
import { loggedVerification } from "@/lib/verify/logged-verification";

type LoggedOut = z.input<typeof ZLoggedInteraction>;

const MEMBER = { select: { id: true, handle: true, name: true } } as const;
const SELECT = { ...LOGGED_SELECT, actor: MEMBER, target: MEMBER } as const;
type Row = Prisma.LoggedInteractionGetPayload<{ select: typeof SELECT }>;

/** A logged interaction as the API shows it to `viewerId` (its actor or target). */
export function toLoggedOut(r: Row, viewerId: string): LoggedOut {
  return {
    id: r.id,
    actor: ref(r.actor),
    target: ref(r.target),
    platform: r.platform as LoggedOut["platform"],
    kind: r.kind as LoggedOut["kind"],
    occurredOn: r.occurredOn.toISOString().slice(0, 10),
    evidenceUrl: r.evidenceUrl,
    summary: r.summary,
    status: r.status as LoggedOut["status"],
    verification: loggedVerification(r, r.actor.id === viewerId),
    createdAt: iso(r.createdAt),
    decidedAt: isoOrNull(r.decidedAt),
  };
}

/**
 * Logged interactions the caller is part of, newest first, by keyset cursor. As actor: all
 * they logged. As target: what others logged about them, without members in a block with
 * them (the same visibility as the /interactions page). Nobody else's are ever reachable:
 * the caller's id is in the where clause.
 */
export async function listLoggedForApi(
  viewerId: string,
  p: { role: "actor" | "target"; status?: string; cursor?: string; limit: number },
): Promise<{ items: LoggedOut[]; nextCursor: string | null }> {
  const db = await getDb();
  const after = p.cursor ? decodeCursor(p.cursor) : null;
  if (p.cursor && !after) throw badCursor();
  const blocked = p.role === "target" ? await blockedWith(db, viewerId) : new Set<string>();
  const rows = await db.loggedInteraction.findMany({
    where: {
      ...(p.role === "actor" ? { actorId: viewerId } : { targetId: viewerId, actorId: blocked.size ? { notIn: [...blocked] } : undefined }),
      ...(p.status ? { status: p.status } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: p.limit + 1,
    select: SELECT,
  });
  const page = rows.slice(0, p.limit);
  return { items: page.map((r) => toLoggedOut(r, viewerId)), nextCursor: rows.length > p.limit ? encodeCursor(page[page.length - 1]) : null };
}

/** One logged interaction the caller is part of (actor or target), or not_found. */
export async function getLoggedForApi(viewerId: string, id: string): Promise<LoggedOut> {
  const db = await getDb();
  const row = await db.loggedInteraction.findFirst({ where: { id, OR: [{ actorId: viewerId }, { targetId: viewerId }] }, select: SELECT });
  if (!row) throw notFound("That logged interaction");
  return toLoggedOut(row, viewerId);
}

