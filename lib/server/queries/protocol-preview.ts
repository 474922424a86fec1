import "server-only";
import { noBlockWith } from "@/lib/server/queries/member-visibility";
import { DAY } from "@/lib/warmup/time";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { loadWarmupInputs } from "./warmup-inputs";
import { evaluate } from "@/lib/warmup/evaluate";
import type { Policy, RelationshipStatus } from "@/lib/warmup/types";

export type PreviewRow = {
  memberId: string;
  handle: string;
  name: string;
  reason: "pending_request" | "recent_contact";
  statusNow: RelationshipStatus;
  percentNow: number;
  statusDraft: RelationshipStatus;
  percentDraft: number;
};

const PREVIEW_LIMIT = 25;

/**
 * How my pending requesters and recent contacts would be judged under a draft protocol,
 * next to how they are judged now: members warming toward me, in a fixed number of queries.
 * Members in a block with me, either way, are left out.
 */
export async function protocolPreview(db: Tx, p: { memberId: string; current: Policy; draft: Policy; now: Date }): Promise<PreviewRow[]> {
  const { memberId, current, now } = p;
  const since = new Date(now.getTime() - 365 * DAY);
  // Nobody in a block with me either way: a block hides them from me, here as everywhere.
  const unblocked = noBlockWith(memberId);
  const [pending, recent] = await Promise.all([
    db.connectionRequest.findMany({
      where: { recipientId: memberId, status: "pending", expiresAt: { gt: now }, requester: unblocked },
      select: { requesterId: true },
      orderBy: { createdAt: "desc" },
      take: PREVIEW_LIMIT,
    }),
    db.interaction.groupBy({
      by: ["actorId"],
      where: { targetId: memberId, occurredAt: { gte: since }, verification: { not: "removed" }, actor: unblocked },
      _max: { occurredAt: true },
      orderBy: { _max: { occurredAt: "desc" } },
      take: PREVIEW_LIMIT,
    }),
  ]);
  const pendingIds = new Set(pending.map((p) => p.requesterId));
  const ids = [...new Set([...pendingIds, ...recent.map((r) => r.actorId)])].filter((id) => id !== memberId);
  if (ids.length === 0) return [];
  const settings = await getAppSettings(db);
  const [inputs, members] = await Promise.all([
    loadWarmupInputs(db, { viewerId: memberId, otherIds: ids, role: "recipient", now, settings, policyOverride: current }),
    db.member.findMany({ where: { id: { in: ids } }, select: { id: true, handle: true, name: true } }),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const rows: PreviewRow[] = [];
  for (const id of ids) {
    const input = inputs.get(id);
    const m = byId.get(id);
    if (!input || !m) continue;
    // A pending request would otherwise mask the gate: judge the gate itself.
    const relation = { ...input.relation, pendingOutgoing: false, pendingIncoming: false };
    const nowEval = evaluate({ ...input, relation, policy: current });
    const draftEval = evaluate({ ...input, relation, policy: p.draft });
    rows.push({
      memberId: id,
      handle: m.handle,
      name: m.name,
      reason: pendingIds.has(id) ? "pending_request" : "recent_contact",
      statusNow: nowEval.status,
      percentNow: nowEval.percent,
      statusDraft: draftEval.status,
      percentDraft: draftEval.percent,
    });
  }
  return rows;
}
