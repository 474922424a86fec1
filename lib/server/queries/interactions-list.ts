import "server-only";
import type { Tx } from "@/lib/server/db";
import { blockedWith } from "@/lib/server/queries/feed";
import { loadPolicy } from "@/lib/server/queries/policy";
import { evaluatePairs } from "@/lib/server/queries/evaluate-pairs";
import type { InteractionVerdict } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { TIMELINE_SELECT, toTimelineItems, type TimelineItem } from "./pair-history";

const MEMBER = { select: { id: true, handle: true, name: true } } as const;
/** The columns every list of logged interactions shows (pages and the API). */
export const LOGGED_SELECT = {
  id: true,
  platform: true,
  kind: true,
  occurredOn: true,
  evidenceUrl: true,
  summary: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  checkState: true,
  checkReason: true,
  verifiedBy: true,
} as const;

/** A logged interaction as LOGGED_SELECT reads it. */
export type LoggedColumns = {
  id: string;
  platform: string;
  kind: string;
  occurredOn: Date;
  evidenceUrl: string | null;
  summary: string | null;
  status: string;
  createdAt: Date;
  decidedAt: Date | null;
  checkState: string;
  checkReason: string | null;
  verifiedBy: string | null;
};

export type LoggedRow = LoggedColumns & { other: { id: string; handle: string; name: string } };

/** Interactions logged about the viewer, waiting for them to confirm or dispute (oldest first: first come, first served). */
export async function listAwaitingConfirmation(db: Tx, p: { viewerId: string }): Promise<LoggedRow[]> {
  const { viewerId } = p;
  const blocked = await blockedWith(db, viewerId);
  const rows = await db.loggedInteraction.findMany({
    where: { targetId: viewerId, status: "pending", actorId: blocked.size ? { notIn: [...blocked] } : undefined },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 100,
    select: { ...LOGGED_SELECT, actor: MEMBER },
  });
  return rows.map(({ actor, ...r }) => ({ ...r, other: actor }));
}

/** What the viewer logged, newest first, with its status. */
export async function listLoggedByViewer(db: Tx, p: { viewerId: string; limit?: number }): Promise<LoggedRow[]> {
  const { viewerId, limit = 50 } = p;
  const rows = await db.loggedInteraction.findMany({
    where: { actorId: viewerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { ...LOGGED_SELECT, target: MEMBER },
  });
  return rows.map(({ target, ...r }) => ({ ...r, other: target }));
}

/**
 * Everything members did toward the viewer, newest first, judged by the viewer's own
 * protocol (how much each counts toward warming up to them). Members in a block are left out.
 */
export async function listAboutViewer(db: Tx, p: { viewerId: string; now: Date; settings: TAppSettings; limit?: number }): Promise<TimelineItem[]> {
  const { viewerId, now, settings, limit = 50 } = p;
  const blocked = await blockedWith(db, viewerId);
  const rows = await db.interaction.findMany({
    where: { targetId: viewerId, actorId: blocked.size ? { notIn: [...blocked] } : undefined },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit,
    select: TIMELINE_SELECT,
  });
  const actors = [...new Set(rows.map((r) => r.actor.id))];
  const [evaluations, policy] = await Promise.all([
    evaluatePairs(db, { viewerId, otherIds: actors, role: "recipient", now, settings }),
    loadPolicy(db, { memberId: viewerId, settings }),
  ]);
  const verdicts = new Map<string, InteractionVerdict>();
  for (const ev of evaluations.values()) for (const v of ev.interactions) verdicts.set(v.id, v);
  return toTimelineItems(db, rows, { verdicts, windowDays: policy.freshnessDays, now });
}
