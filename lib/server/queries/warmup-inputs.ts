import "server-only";
import type { Tx } from "@/lib/server/db";
import { resolvePolicy, POLICY_BOUNDS } from "@/lib/warmup/policy";
import type { EngineInteraction, EvaluateInput, InteractionKind, InteractionSource, Policy, PresetName, Verification } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";

export type PairRole = "requester" | "recipient";

const DAY = 86_400_000;
const WIDE_THRESHOLD = 50;

/** Maps a stored policy row (or none: standard) to the engine's policy. */
export function policyFromRow(row: Record<string, unknown> | null | undefined, settings: TAppSettings): Policy {
  return resolvePolicy(
    (row ?? { preset: "standard" }) as { preset: PresetName },
    settings.presets as Partial<Record<PresetName, Policy>>,
  );
}

export function toEngineInteraction(r: {
  id: string;
  actorId: string;
  targetId: string;
  kind: string;
  source: string;
  weight: number;
  occurredAt: Date;
  verification: string;
}): EngineInteraction {
  return {
    id: r.id,
    actorId: r.actorId,
    targetId: r.targetId,
    kind: r.kind as InteractionKind,
    source: r.source as InteractionSource,
    weight: r.weight,
    occurredAt: r.occurredAt,
    verification: r.verification as Verification,
  };
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * Everything evaluate() needs for the viewer and each of `otherIds`, in seven queries
 * whatever the number of others. role "requester": viewer → other under the other's
 * policy (profile, dashboard); role "recipient": other → viewer under the viewer's policy
 * (request review, protocol preview).
 */
export async function loadWarmupInputs(
  db: Tx,
  p: { viewerId: string; otherIds: string[]; role: PairRole; now: Date; settings: TAppSettings; policyOverride?: Policy },
): Promise<Map<string, EvaluateInput>> {
  const others = [...new Set(p.otherIds)].filter((id) => id !== p.viewerId);
  const out = new Map<string, EvaluateInput>();
  if (others.length === 0) return out;
  const { viewerId, now } = p;
  const since = new Date(now.getTime() - (POLICY_BOUNDS.freshnessDays.max + 1) * DAY);
  const everyone = [viewerId, ...others];
  // For many members (a dashboard), reading the viewer's own rows and filtering here is far
  // cheaper than long IN (…) lists (measured: DB CPU 33 → 8 ms for 1,100 pairs); for a few
  // (a profile), the lists keep the reads small.
  const some = others.length > WIDE_THRESHOLD ? undefined : { in: others };
  const [members, policies, interactions, connections, blocks, pending, cooldowns] = await Promise.all([
    db.member.findMany({ where: { id: { in: everyone } }, select: { id: true, name: true, createdAt: true } }),
    // With an override (a send under the policy it just read, a draft preview) no row is needed.
    p.policyOverride ? Promise.resolve([]) : db.policy.findMany({ where: { memberId: { in: p.role === "requester" ? others : [viewerId] } } }),
    db.interaction.findMany({
      where: {
        occurredAt: { gte: since },
        OR: [
          { actorId: viewerId, targetId: some },
          { actorId: some, targetId: viewerId },
        ],
      },
      select: { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true },
    }),
    db.connection.findMany({
      where: { OR: [{ memberAId: viewerId, memberBId: some }, { memberBId: viewerId, memberAId: some }] },
      select: { memberAId: true, memberBId: true },
    }),
    db.block.findMany({
      where: { OR: [{ blockerId: viewerId, blockedId: some }, { blockedId: viewerId, blockerId: some }] },
      select: { blockerId: true, blockedId: true },
    }),
    db.connectionRequest.findMany({
      where: {
        status: "pending",
        expiresAt: { gt: now },
        OR: [
          { requesterId: viewerId, recipientId: some },
          { recipientId: viewerId, requesterId: some },
        ],
      },
      select: { requesterId: true, recipientId: true },
    }),
    db.connectionRequest.findMany({
      where: {
        cooldownUntil: { gt: now },
        ...(p.role === "requester" ? { requesterId: viewerId, recipientId: some } : { recipientId: viewerId, requesterId: some }),
      },
      select: { requesterId: true, recipientId: true, cooldownUntil: true },
    }),
  ]);

  const memberById = new Map(members.map((m) => [m.id, m]));
  const policyByMember = new Map(policies.map((row) => [row.memberId, row]));
  const byOther = new Map<string, EngineInteraction[]>();
  for (const r of interactions) {
    const other = r.actorId === viewerId ? r.targetId : r.actorId;
    let list = byOther.get(other);
    if (!list) byOther.set(other, (list = []));
    list.push(toEngineInteraction(r));
  }
  const pendingPairs = new Set(pending.map((r) => `${r.requesterId}>${r.recipientId}`));
  const connected = new Set(connections.map((c) => (c.memberAId === viewerId ? c.memberBId : c.memberAId)));
  const blocked = new Set(blocks.map((b) => (b.blockerId === viewerId ? b.blockedId : b.blockerId)));
  const cooldownByOther = new Map<string, Date>();
  for (const c of cooldowns) {
    const other = c.requesterId === viewerId ? c.recipientId : c.requesterId;
    const prev = cooldownByOther.get(other);
    if (c.cooldownUntil && (!prev || c.cooldownUntil > prev)) cooldownByOther.set(other, c.cooldownUntil);
  }
  const viewerPolicy = p.role === "recipient" ? (p.policyOverride ?? policyFromRow(policyByMember.get(viewerId), p.settings)) : null;

  for (const other of others) {
    const otherMember = memberById.get(other);
    const viewer = memberById.get(viewerId);
    if (!otherMember || !viewer) continue;
    const requester = p.role === "requester" ? viewer : otherMember;
    const recipient = p.role === "requester" ? otherMember : viewer;
    out.set(other, {
      requesterId: requester.id,
      recipientId: recipient.id,
      recipientName: recipient.name,
      policy: viewerPolicy ?? p.policyOverride ?? policyFromRow(policyByMember.get(other), p.settings),
      interactions: byOther.get(other) ?? [],
      requesterCreatedAt: requester.createdAt,
      relation: {
        blocked: blocked.has(other),
        connected: connected.has(other),
        pendingOutgoing: pendingPairs.has(`${requester.id}>${recipient.id}`),
        pendingIncoming: pendingPairs.has(`${recipient.id}>${requester.id}`),
        cooldownUntil: cooldownByOther.get(other) ?? null,
      },
      now,
    });
  }
  return out;
}
